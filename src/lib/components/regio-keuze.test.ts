import { describe, expect, it } from 'vitest';
import { keuzeActie, keuzeVelden, metRegio } from './regio-keuze';

describe('region links and the picker', () => {
	it('adds regio to a link unless it is the default region', () => {
		expect(metRegio('/capaciteit', 'CR0344', 'CR0505')).toBe('/capaciteit?regio=CR0344');
		expect(metRegio('/capaciteit?peiljaar=2024', 'CR0344', 'CR0505')).toBe('/capaciteit?peiljaar=2024&regio=CR0344');
		expect(metRegio('/capaciteit', 'CR0505', 'CR0505')).toBe('/capaciteit');
		expect(metRegio('/capaciteit', null, 'CR0505')).toBe('/capaciteit');
	});

	it('keeps the other filters, drops those that name gemeenten or aanbieders of a region', () => {
		expect(keuzeVelden('?peiljaar=2024&type=a&type=b&regio=CR0505&gemeente=GM0505&aanbieder=X&bod_GM0505=3')).toEqual([
			['peiljaar', '2024'],
			['type', 'a'],
			['type', 'b']
		]);
	});

	it('sends a visitor from a gemeente page to the overzicht of the new region', () => {
		expect(keuzeActie('/gemeente/GM0505')).toBe('/');
		expect(keuzeActie('/hkg')).toBe('/hkg');
	});
});
