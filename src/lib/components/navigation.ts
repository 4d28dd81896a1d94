/** The views of README, "Wat is dit?", in the order the main navigation shows them. */
export interface NavItem {
	href: string;
	label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
	{ href: '/', label: 'Overzicht' },
	{ href: '/capaciteit', label: 'Capaciteit' },
	{ href: '/planning', label: 'Planning' },
	{ href: '/wlz', label: 'Wlz-instroom' },
	{ href: '/hkg', label: 'HKG-biedingen' },
	{ href: '/dagbesteding', label: 'Dagbesteding' },
	{ href: '/gemeente', label: 'Gemeenten' },
	{ href: '/notebooks', label: 'Notebooks' },
	{ href: '/presentatiemap', label: 'Presentatiemap' },
	{ href: '/data', label: 'Gegevens' }
];

/** The comparison of all regions, in the navigation (after Gemeenten) only when the store has more than one. */
export const REGIOS_ITEM: NavItem = { href: '/regios', label: 'Regio’s' };

/**
 * How a nav item relates to the current path: `page` for the page itself, `true` for a page
 * below it (a gemeente under Gemeenten), undefined otherwise. These are the aria-current values.
 */
export function currentState(href: string, pathname: string): 'page' | 'true' | undefined {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
	if (path === href) return 'page';
	if (href !== '/' && path.startsWith(`${href}/`)) return 'true';
	return undefined;
}
