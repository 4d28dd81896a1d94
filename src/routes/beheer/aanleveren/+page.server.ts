import { requireRol } from '$lib/server/auth/guard';
import { EXPORT_KINDS, EXPORT_SOORTEN } from '$lib/domain/exports';
import { intakeLimits, listAanleveringen } from '$lib/server/intake';
import { takeFlash } from '$lib/server/intake-http/flash';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRol(event, 'aanleverder');
	const limits = intakeLimits();
	return {
		flash: takeFlash(event.cookies),
		maxMb: Math.floor(limits.maxBytesPerFile / (1024 * 1024)),
		maxBestanden: limits.maxFiles,
		soorten: EXPORT_SOORTEN.map((soort) => ({ soort, label: EXPORT_KINDS[soort].label })),
		aanleveringen: listAanleveringen({ limit: 20 }).map((a) => ({
			id: a.id,
			aangemaakt: a.aangemaakt,
			gebruiker: a.gebruiker,
			status: a.status,
			bestanden: a.bestanden.map((b) => b.naam),
			foutenTotaal: a.foutenTotaal,
			gepubliceerd: a.gepubliceerd
		}))
	};
};
