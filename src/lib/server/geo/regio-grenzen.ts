/**
 * Region outlines for the /regios map: the gemeente boundaries file (./boundaries.ts) read
 * for every gemeente of the store and dissolved per centrumregio (./dissolve.ts). Done once per
 * boundaries file and assignment of gemeenten to regions (which changes only with a snapshot),
 * not per request. A bad file never breaks the page: the caller gets a Dutch warning and shows
 * the tiles, which are there anyway.
 */
import { boundariesVersion, readBoundaries } from './boundaries';
import { dissolveRegios, type RegioGrens } from './dissolve';

export type { RegioGrens } from './dissolve';

export type RegioGrenzenResult =
	| { status: 'absent' }
	| { status: 'ok'; bestand: string; regios: RegioGrens[] }
	| { status: 'invalid'; bestand?: string; melding: string };

let cached: { key: string; result: RegioGrenzenResult } | undefined;

/** The outline of every region, from the boundaries file in `exportsDir` and the store's gemeenten with their centrumregio. */
export function readRegioGrenzen(exportsDir: string, gemeenten: readonly { gemeentecode: string; centrumregio: string }[]): RegioGrenzenResult {
	const version = boundariesVersion(exportsDir);
	if (version === 'geen') return { status: 'absent' };
	const key = `${version}|${gemeenten.map((g) => `${g.gemeentecode}:${g.centrumregio}`).join(',')}`;
	if (cached?.key === key) return cached.result;
	const result = compute(exportsDir, gemeenten);
	cached = { key, result };
	return result;
}

function compute(exportsDir: string, gemeenten: readonly { gemeentecode: string; centrumregio: string }[]): RegioGrenzenResult {
	const grenzen = readBoundaries(
		exportsDir,
		gemeenten.map((g) => g.gemeentecode)
	);
	if (grenzen.status !== 'ok') return grenzen;
	try {
		const regios = dissolveRegios(grenzen.grenzen, new Map(gemeenten.map((g) => [g.gemeentecode, g.centrumregio])));
		return { status: 'ok', bestand: grenzen.bestand, regios };
	} catch (e) {
		return { status: 'invalid', bestand: grenzen.bestand, melding: `De gemeentegrenzen in ${grenzen.bestand} konden niet per regio worden samengevoegd: ${(e as Error).message}.` };
	}
}
