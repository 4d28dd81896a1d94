/**
 * Filters apply on Toon, so a form can hold choices the view does not show yet. After every
 * navigation (Toon, another form on the page, a shortcut, Back/Forward) the fields are set to what
 * the view shows, as a full page load without JavaScript would: a form never claims a selection
 * that is not on the screen. Svelte alone would leave a field whose value did not change as the
 * user left it.
 */
import { afterNavigate } from '$app/navigation';

/** The applied value of each field by name: a string for selects and text fields, a list for checkboxes. */
export type Toegepast = Record<string, string | number | readonly string[] | undefined>;

/** Sets the form's named fields to `values`; fields without an entry are left alone. */
export function zetTerug(form: HTMLFormElement | undefined, values: Toegepast): void {
	for (const element of form?.elements ?? []) {
		if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || !(element.name in values)) continue;
		const value = values[element.name];
		const list = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
		if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = list.includes(element.value);
		else if (element instanceof HTMLInputElement) element.value = list[0] ?? '';
		else if ([...element.options].some((o) => o.value === list[0])) element.value = list[0];
	}
}

/** Call during component init: after each navigation, the form shows the applied filters again. */
export function toonToegepast(form: () => HTMLFormElement | undefined, values: () => Toegepast): void {
	afterNavigate(() => zetTerug(form(), values()));
}
