/**
 * The page title and the announced result of a view with filters (WCAG 2.4.2, 4.1.3): the view's
 * name and its active filters, so a tab, a bookmark and a screen reader after a change all say
 * which selection is shown: "Capaciteit · peiljaar 2025 · alle doelgroepen — Regiomonitor BW&O".
 */
export const SITE = 'Regiomonitor BW&O';

/** "Capaciteit · peiljaar 2025 · alle doelgroepen — Regiomonitor BW&O". */
export function paginaTitel(view: string, filters: readonly string[]): string {
	return `${[view, ...filters].join(' · ')} — ${SITE}`;
}

/** What the live region says after a change: "Capaciteit, peiljaar 2025, alle doelgroepen. <finding>" */
export function filterStatus(view: string, filters: readonly string[], bevinding: string | undefined): string {
	return `${[view, ...filters].join(', ')}.${bevinding ? ` ${bevinding}` : ''}`;
}

/** The parts of a subtitle like "Peiljaar 2026 · Skaeve huse · alle doelgroepen", first letter small ("peiljaar 2026") unless a name starts it. */
export function filterDelen(subtitle: string): string[] {
	return subtitle.split(' · ').map((deel) => (/^(Alle|Peiljaar) /.test(deel) ? `${deel[0].toLowerCase()}${deel.slice(1)}` : deel));
}
