/**
 * The sources as a policy officer reads them: the page /bronnen explains each export in plain
 * Dutch (what it holds, who delivers it, its licence), every chart footer links there, and a
 * source whose peildatum lies more than a year back is flagged as old wherever a chart rests on it.
 */
import { EXPORT_KINDS, type ExportSoort } from './exports';
import { formatDate, opsomming } from './format';

/** The site's page that explains the sources; exports name it in their source line. */
export const BRONNEN_PAD = '/bronnen';

/** The anchor of one source on the page /bronnen. */
export const bronAnker = (soort: string): string => `bron-${soort.replace(/[^a-z0-9_-]/gi, '')}`;

/** The anchor of the column table of an export kind on the page /bronnen. */
export const kolommenAnker = (soort: string): string => `kolommen-${soort.replace(/[^a-z0-9_-]/gi, '')}`;

/** Where an error message about an export's columns sends the reader: the kind's column table on /bronnen. */
export const kolommenVerwijzing = (soort: ExportSoort): string => `zie de kolommen van de export ‘${EXPORT_KINDS[soort].label}’ op de pagina Bronnen, ${BRONNEN_PAD}#${kolommenAnker(soort)}`;

/** The link to the page /bronnen, at the first of the given sources when there is one. */
export function bronnenHref(soorten: readonly string[] = []): string {
	return soorten.length > 0 ? `${BRONNEN_PAD}#${bronAnker(soorten[0])}` : BRONNEN_PAD;
}

/** How the sources page is named in a download or on a slide, where no link can be followed. */
export const BRONNEN_VERWIJZING = `Uitleg over de bronnen: pagina Bronnen van de Regiomonitor (${BRONNEN_PAD}).`;

/** What a policy officer is told about one kind of source; the manifest adds origin, peildatum and "illustratief". */
export interface BronUitleg {
	/** What the export holds, in plain words. */
	inhoud: string;
	/** Who delivers it. */
	levering: string;
	/** Under which terms the figures may be used. */
	licentie: string;
	/** False for a classification (the gemeenten and their codes) that does not age the way figures do. */
	veroudert: boolean;
}

const REGIONAAL =
	'Geen open licentie: gegevens van de gemeenten en aanbieders in de regio, voor gebruik in het regionaal overleg. Deel ze buiten de regio alleen na overleg met wie ze aanleverde.';
const CBS = 'Open data van het CBS onder de licentie CC BY 4.0: hergebruik mag, met vermelding van het CBS als bron.';

export const BRON_UITLEG: Record<ExportSoort, BronUitleg> = {
	gemeenten: {
		inhoud: 'De gemeenten van de regio met hun CBS-code en subregio, en hun plaats op de kaart.',
		levering: 'De regio, volgens de gemeentelijke indeling van het CBS.',
		licentie: `Codes en namen van de gemeenten: ${CBS.charAt(0).toLowerCase()}${CBS.slice(1)}`,
		veroudert: false
	},
	inwoners: {
		inhoud: 'Het aantal inwoners op 1 januari en de sociale huurwoningen, per gemeente en per jaar.',
		levering: 'Het CBS (StatLine, Regionale kerncijfers Nederland); de regio downloadt de tabel.',
		licentie: CBS,
		veroudert: true
	},
	capaciteit: {
		inhoud:
			'Per gemeente en soort voorziening: hoeveel plekken er zijn, hoeveel bezet, de wachtlijst, hoeveel plekken nodig zijn volgens het capaciteitsonderzoek en hoeveel er gepland zijn.',
		levering: 'De regio, uit het capaciteitsonderzoek Beschermd Wonen & Opvang en de opgaven van de gemeenten.',
		licentie: REGIONAAL,
		veroudert: true
	},
	wlz_instroom: {
		inhoud:
			'Per jaar hoeveel cliënten van beschermd wonen overstappen naar de Wet langdurige zorg (Wlz), per gemeente van deze regio en voor andere regio’s als vergelijking.',
		levering: 'De centrumgemeente, uit de gegevens over de Wlz-instroom van cliënten beschermd wonen.',
		licentie: REGIONAAL,
		veroudert: true
	},
	hkg_opgave: {
		inhoud: 'De regionale opgave Huisvesting Kwetsbare Groepen per planperiode en soort woning, en hoe de regio die verdeelt.',
		levering: 'De regiegroep HKG.',
		licentie: REGIONAAL,
		veroudert: true
	},
	hkg_biedingen: {
		inhoud: 'Het bod van elke gemeente per planperiode en ronde (voorlopig bod, aanvulling, definitief bod).',
		levering: 'De regiegroep HKG, uit de biedingen van de gemeenten.',
		licentie: REGIONAAL,
		veroudert: true
	},
	dagbesteding: {
		inhoud: 'Per periode en aanbieder: hoeveel cliënten beschermd wonen er zijn en hoeveel van hen dagbesteding hebben.',
		levering: 'De centrumgemeente, uit de gegevens van de zorgaanbieders.',
		licentie: REGIONAAL,
		veroudert: true
	},
	projecten: {
		inhoud: 'Projecten voor domus plus, Skaeve huse, crisisplekken en andere voorzieningen: waar, hoeveel plekken, in welke fase en wanneer ze klaar zijn.',
		levering: 'De gemeenten, via het FOT Beschermd Wonen & Opvang.',
		licentie: REGIONAAL,
		veroudert: true
	}
};

/** The plain name of an export kind ("Wlz-instroom"), or the kind itself when unknown. */
export const bronNaam = (soort: string): string => EXPORT_KINDS[soort as ExportSoort]?.label ?? soort;

/** Whether figures with this peildatum are more than a year old on `vandaag` (a peildatum of exactly a year ago is not). */
export function isVerouderd(peildatum: string | null, vandaag: Date = new Date()): boolean {
	if (!peildatum) return false;
	const jaarGeleden = new Date(Date.UTC(vandaag.getUTCFullYear() - 1, vandaag.getUTCMonth(), vandaag.getUTCDate()));
	return new Date(`${peildatum}T00:00:00Z`).getTime() < jaarGeleden.getTime();
}

/** The sources among these that are more than a year old (classifications never are), oldest first. */
export function verouderdeBronnen<T extends { soort: string; peildatum: string | null }>(bronnen: readonly T[], vandaag: Date = new Date()): T[] {
	return bronnen
		.filter((b) => BRON_UITLEG[b.soort as ExportSoort]?.veroudert !== false && isVerouderd(b.peildatum, vandaag))
		.sort((a, b) => (a.peildatum ?? '').localeCompare(b.peildatum ?? ''));
}

/**
 * The warning a chart (or /data) gives when it rests on old figures:
 * `Let op: de cijfers van HKG-biedingen (peildatum 4 december 2023) zijn meer dan een jaar oud.`
 * Null when nothing is old.
 */
export function verouderdZin(bronnen: readonly { soort: string; peildatum: string | null }[], vandaag: Date = new Date()): string | null {
	const oud = verouderdeBronnen(bronnen, vandaag);
	if (oud.length === 0) return null;
	// One mention per kind and date: a chart on two exports of the same date names the date once.
	const perDatum = new Map<string, string[]>();
	for (const b of oud) {
		const datum = b.peildatum as string;
		const namen = perDatum.get(datum) ?? [];
		if (!namen.includes(bronNaam(b.soort))) namen.push(bronNaam(b.soort));
		perDatum.set(datum, namen);
	}
	const delen = [...perDatum].map(([datum, namen]) => `${opsomming(namen)} (peildatum ${formatDate(datum)})`);
	return `Let op: de cijfers van ${opsomming(delen)} zijn meer dan een jaar oud.`;
}

/** One loaded export as the pages /data and /bronnen show it to a policy officer. */
export interface BronRegel {
	soort: string;
	/** The plain name of the kind: "Capaciteit en behoefte". */
	naam: string;
	bron: string;
	toelichting: string | null;
	peildatum: string;
	/** More than a year old on the day the page is made (never for a classification). */
	verouderd: boolean;
	illustratief: boolean;
	rijen: number;
	ingelezenOp: string;
}

/** The loaded exports (provenance rows) as plain facts, with the old ones marked as of `vandaag`. */
export function bronRegels(
	rows: readonly { soort: string; bron: string; toelichting: string | null; peildatum: string; illustratief: boolean; rijen: number; ingelezen_op: string }[],
	vandaag: Date = new Date()
): BronRegel[] {
	const oud = new Set(verouderdeBronnen(rows, vandaag));
	return rows.map((r) => ({
		soort: r.soort,
		naam: bronNaam(r.soort),
		bron: r.bron,
		toelichting: r.toelichting,
		peildatum: r.peildatum,
		verouderd: oud.has(r),
		illustratief: r.illustratief,
		rijen: r.rijen,
		ingelezenOp: r.ingelezen_op
	}));
}
