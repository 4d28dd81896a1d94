import { describe, expect, it } from 'vitest';
import { inPaginaRegio, keuzeActie, keuzeVelden, metRegio } from './regio-keuze';

describe('region links and the picker', () => {
	it('adds regio to a link unless it is the default region', () => {
		expect(metRegio('/capaciteit', 'CR0344', 'CR0505')).toBe('/capaciteit?regio=CR0344');
		expect(metRegio('/capaciteit?peiljaar=2024', 'CR0344', 'CR0505')).toBe('/capaciteit?peiljaar=2024&regio=CR0344');
		expect(metRegio('/capaciteit', 'CR0505', 'CR0505')).toBe('/capaciteit');
		expect(metRegio('/capaciteit', null, 'CR0505')).toBe('/capaciteit');
	});

	it('puts a link in the region of the page from the layout data, as the header does', () => {
		expect(inPaginaRegio('/planning', { paginaRegio: 'CR0344', standaardRegio: 'CR0505' })).toBe('/planning?regio=CR0344');
		expect(inPaginaRegio('/planning', { paginaRegio: 'CR0505', standaardRegio: 'CR0505' })).toBe('/planning');
		// Without layout data (no store): the link as it is.
		expect(inPaginaRegio('/planning', {})).toBe('/planning');
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
