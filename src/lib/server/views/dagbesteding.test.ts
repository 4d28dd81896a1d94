import { describe, expect, it } from 'vitest';
import { largestAanbieders } from './dagbesteding';

describe('largestAanbieders', () => {
	it('takes the aanbieders with the most BW-cliënten over all rows, ties by name', () => {
		const rows = [
			{ aanbieder: 'Zorg B', bw_clienten: 40 },
			{ aanbieder: 'Zorg A', bw_clienten: 10 },
			{ aanbieder: 'Zorg C', bw_clienten: 25 },
			{ aanbieder: 'Zorg A', bw_clienten: 20 }, // A: 30 over two periods
			{ aanbieder: 'Zorg D', bw_clienten: 30 }
		];
		expect([...largestAanbieders(rows, 2)]).toEqual(['Zorg B', 'Zorg A']);
		expect([...largestAanbieders(rows, 3)]).toEqual(['Zorg B', 'Zorg A', 'Zorg D']);
		expect(largestAanbieders(rows, 10).size).toBe(4);
	});
});
