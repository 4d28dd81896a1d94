import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, currentState } from './navigation';

describe('currentState', () => {
	it('marks the page itself and its section', () => {
		expect(currentState('/', '/')).toBe('page');
		expect(currentState('/', '/data')).toBeUndefined();
		expect(currentState('/data', '/data/')).toBe('page');
		expect(currentState('/gemeente', '/gemeente/GM0505')).toBe('true');
		expect(currentState('/wlz', '/wlzx')).toBeUndefined();
	});
	it('lists every view once', () => {
		const hrefs = NAV_ITEMS.map((i) => i.href);
		expect(new Set(hrefs).size).toBe(hrefs.length);
		expect(hrefs).toContain('/presentatiemap');
	});
});
