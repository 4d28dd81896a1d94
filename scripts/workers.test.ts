import { describe, expect, test } from 'vitest';
import { workerCount } from './workers';

describe('npm start -- --workers N', () => {
	test('defaults to one process per core', () => {
		expect(workerCount([], 2)).toBe(2);
		expect(workerCount([], 1)).toBe(1);
		expect(workerCount([], 128)).toBe(64);
	});
	test('takes a whole number from 1 to 64', () => {
		expect(workerCount(['--workers', '1'], 8)).toBe(1);
		expect(workerCount(['--workers=3'], 2)).toBe(3);
		expect(workerCount(['--workers', '64'], 2)).toBe(64);
	});
	test('refuses anything else in Dutch, saying what is allowed', () => {
		for (const bad of ['0', '65', '1.5', '-1', 'twee', '']) {
			expect(() => workerCount([`--workers=${bad}`], 2)).toThrow(`--workers ${bad}: geef een aantal processen van 1 tot en met 64 (standaard één per processorkern, hier 2).`);
		}
		expect(() => workerCount(['--poort', '80'], 2)).toThrow(/Gebruik: npm start -- \[--workers AANTAL\]/);
	});
});
