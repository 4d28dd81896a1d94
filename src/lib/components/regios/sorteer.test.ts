import { describe, expect, it } from 'vitest';
import { ariaSort, sorteerHref } from './sorteer';

describe('sorting the regions table', () => {
	it('flips the current column, starts another one with the largest first (names: A to Z), keeps the filters', () => {
		expect(sorteerHref('?peiljaar=2024&regio=CR0344', 'naam', 'naam', 'op')).toBe('?peiljaar=2024&regio=CR0344&sorteer=naam&richting=af');
		expect(sorteerHref('?sorteer=naam&richting=op', 'wlz', 'naam', 'op')).toBe('?sorteer=wlz&richting=af');
		expect(sorteerHref('?sorteer=wlz&richting=af', 'naam', 'wlz', 'af')).toBe('?sorteer=naam&richting=op');
	});
	it('marks the sorted column for screen readers', () => {
		expect(ariaSort('wlz', 'wlz', 'af')).toBe('descending');
		expect(ariaSort('naam', 'naam', 'op')).toBe('ascending');
		expect(ariaSort('naam', 'wlz', 'op')).toBeUndefined();
	});
});
