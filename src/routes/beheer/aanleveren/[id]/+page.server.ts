/**
 * One delivery: its check (errors, or what would change with the affected charts current beside
 * new), correcting a file's kind, and publishing. Exact figures are shown here to aanleverders
 * and beheerders only (this page is never cached and never exported).
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { requireRol } from '$lib/server/auth/guard';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '$lib/domain/exports';
import { controleerOpnieuw, getAanlevering, IntakeError, publiceerAanlevering } from '$lib/server/intake';
import { setFlash, takeFlash } from '$lib/server/intake-http/flash';
import { previewCharts } from '$lib/server/intake-http/preview';
import type { Actions, PageServerLoad } from './$types';

function find(id: string) {
	const aanlevering = getAanlevering(id);
	if (!aanlevering) error(404, `Er is geen aanlevering met id '${id.slice(0, 40)}'. Zie Beheer › Aanleveren voor de lijst.`);
	return aanlevering;
}

export const load: PageServerLoad = async (event) => {
	requireRol(event, 'aanleverder');
	const aanlevering = find(event.params.id);
	return {
		flash: takeFlash(event.cookies),
		aanlevering,
		soorten: EXPORT_SOORTEN.map((soort) => ({ soort, label: EXPORT_KINDS[soort].label })),
		charts: await previewCharts(aanlevering)
	};
};

const isSoort = (v: unknown): v is ExportSoort => typeof v === 'string' && (EXPORT_SOORTEN as readonly string[]).includes(v);

export const actions: Actions = {
	/** Check again: with corrected kinds, or on the current snapshot after someone else published. */
	controleer: async (event) => {
		const gebruiker = requireRol(event, 'aanleverder');
		const aanlevering = find(event.params.id);
		const form = await event.request.formData();
		const soorten: Record<number, ExportSoort> = {};
		for (const b of aanlevering.bestanden) {
			const value = form.get(`soort-${b.index}`);
			if (value === null || value === '') continue;
			if (!isSoort(value)) return fail(400, { melding: `Onbekende soort '${String(value).slice(0, 40)}' voor ${b.naam}.` });
			soorten[b.index] = value;
		}
		try {
			await controleerOpnieuw(aanlevering.id, gebruiker, { soorten });
		} catch (e) {
			if (e instanceof IntakeError) return fail(e.status, { melding: e.message });
			throw e;
		}
		redirect(303, `/beheer/aanleveren/${aanlevering.id}`);
	},
	publiceer: async (event) => {
		const gebruiker = requireRol(event, 'aanleverder');
		const aanlevering = find(event.params.id);
		let snapshotId: string;
		try {
			({ snapshotId } = await publiceerAanlevering(aanlevering.id, gebruiker));
		} catch (e) {
			if (e instanceof IntakeError) return fail(e.status, { melding: e.message, code: e.code });
			throw e;
		}
		setFlash(event.cookies, { soort: 'ok', tekst: `Gepubliceerd: de site toont nu de nieuwe cijfers (gegevensversie ${snapshotId}).` }, event.url.protocol === 'https:');
		redirect(303, `/beheer/aanleveren/${aanlevering.id}`);
	}
};
