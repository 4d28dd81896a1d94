import { describe, expect, it } from 'vitest';
import { filterDelen, filterStatus, paginaTitel } from './titel';

describe('page title and announced result of a view with filters', () => {
	it('names the view and its active filters in the title', () => {
		expect(paginaTitel('Capaciteit', ['peiljaar 2025', 'alle doelgroepen'])).toBe('Capaciteit · peiljaar 2025 · alle doelgroepen — Regiomonitor BW&O');
	});

	it('says filters and finding as a sentence, without the middle dots a screen reader reads out', () => {
		expect(filterStatus('Wlz-instroom', ['aantal cliënten', 'jaar 2024'], 'De instroom daalt.')).toBe('Wlz-instroom, aantal cliënten, jaar 2024. De instroom daalt.');
		expect(filterStatus('HKG-biedingen', [], undefined)).toBe('HKG-biedingen.');
	});

	it('splits a subtitle into parts, lower-casing the generic words but not names', () => {
		expect(filterDelen('Peiljaar 2026 · Skaeve huse · alle doelgroepen')).toEqual(['peiljaar 2026', 'Skaeve huse', 'alle doelgroepen']);
		expect(filterDelen('Alle voorzieningstypen · status realisatie · gemeente Gorinchem')).toEqual(['alle voorzieningstypen', 'status realisatie', 'gemeente Gorinchem']);
		expect(filterDelen('BW intramuraal · alle statussen · hele regio')[0]).toBe('BW intramuraal');
	});
});
