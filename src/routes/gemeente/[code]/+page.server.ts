import { error, redirect } from '@sveltejs/kit';
import { gemeente } from '$lib/server/db/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const code = params.code.trim().toUpperCase();
	// Links with gm0505 keep working, but the address shows the canonical code.
	if (code !== params.code) redirect(308, `/gemeente/${encodeURIComponent(code)}`);
	const info = await gemeente(code);
	if (!info) error(404, `Er is geen gemeente met code ${params.code.slice(0, 20)} in deze regio. Kies een gemeente uit de lijst.`);
	return { gemeente: info };
};
