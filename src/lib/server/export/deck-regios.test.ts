import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../tests/helpers/fixture-store';
import { loadDeckCharts } from './deck';

useFixtureStore({ beforeAll, afterAll });

const slides = (ids: string[]) => ids.map((id) => ({ id, query: '', slidetitel: '', notitie: '' }));

describe('decks in a store with one region (issue 12)', () => {
	test('the deck of a whole view leaves out the comparison with other regions, as its page does', async () => {
		const deck = await loadDeckCharts({ titel: 'C', slides: slides(['capaciteit-per-gemeente', 'capaciteit-per-type-regios', 'hkg-bod-opgave-regios']), skipMissing: true });
		expect(deck.map((s) => s.request.id)).toEqual(['capaciteit-per-gemeente']);
	});

	test('a deck of chosen charts has it when asked for: the chart id always loads', async () => {
		const deck = await loadDeckCharts({ titel: 'C', slides: slides(['capaciteit-per-type-regios']), skipMissing: false });
		expect(deck.map((s) => s.request.id)).toEqual(['capaciteit-per-type-regios']);
	});
});
