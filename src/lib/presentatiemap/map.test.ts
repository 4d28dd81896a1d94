import { describe, expect, it } from 'vitest';
import {
	MAX_ITEMS,
	addItem,
	decodeShare,
	deckHref,
	deserialize,
	emptyMap,
	encodeShare,
	filtersInWords,
	mergeMaps,
	moveItem,
	normalizeQuery,
	removeItem,
	serialize,
	shareHref,
	updateItem,
	type Presentatiemap
} from './map';

function sample(): Presentatiemap {
	let map = emptyMap();
	map = addItem(map, { chartId: 'capaciteit-per-gemeente', query: 'peiljaar=2024&type=crisisopvang', title: 'Capaciteit per gemeente' }).map;
	map = addItem(map, { chartId: 'capaciteit-per-type', query: 'peiljaar=2024', title: 'Capaciteit per type' }).map;
	map = addItem(map, { chartId: 'hkg-per-gemeente', query: '', title: 'HKG — één “titel” & meer' }).map;
	return map;
}

describe('presentatiemap', () => {
	it('adds, refuses duplicates and a full map, removes, moves and updates', () => {
		let map = sample();
		expect(map.items.map((i) => i.chartId)).toEqual(['capaciteit-per-gemeente', 'capaciteit-per-type', 'hkg-per-gemeente']);
		expect(new Set(map.items.map((i) => i.id)).size).toBe(3);
		expect(addItem(map, { chartId: 'capaciteit-per-type', query: 'peiljaar=2024', title: 'x' }).result).toBe('bestaat');
		// The same chart with other filters is another slide.
		expect(addItem(map, { chartId: 'capaciteit-per-type', query: 'peiljaar=2023', title: 'x' }).result).toBe('toegevoegd');

		const last = map.items[2].id;
		map = moveItem(map, last, -1);
		expect(map.items.map((i) => i.chartId)).toEqual(['capaciteit-per-gemeente', 'hkg-per-gemeente', 'capaciteit-per-type']);
		expect(moveItem(map, map.items[0].id, -1)).toBe(map);
		expect(moveItem(map, map.items[2].id, 1)).toBe(map);

		map = updateItem(map, last, { slideTitle: 'Eigen titel', note: 'Zeg iets' });
		expect(map.items[1]).toMatchObject({ slideTitle: 'Eigen titel', note: 'Zeg iets' });
		map = updateItem(map, last, { note: '' });
		expect(map.items[1].note).toBeUndefined();

		map = removeItem(map, last);
		expect(map.items).toHaveLength(2);

		let full = emptyMap();
		for (let n = 0; n < MAX_ITEMS; n++) full = addItem(full, { chartId: 'wlz-per-jaar', query: `n=${n}`, title: 't' }).map;
		expect(addItem(full, { chartId: 'wlz-per-jaar', query: 'n=x', title: 't' }).result).toBe('vol');
	});

	it('round-trips through localStorage text and ignores garbage', () => {
		const map = updateItem(sample(), sample().items[0].id, {});
		const withTitle = { ...map, titel: 'Regiegroep' };
		expect(deserialize(serialize(withTitle))).toEqual(withTitle);
		for (const garbage of [null, '', 'not json', '{}', '[]', '{"versie":2,"items":[]}', '{"versie":1,"items":[{"id":"a","chartId":"<script>","query":"","title":"x"}]}', '{"versie":1,"items":"x"}']) {
			expect(deserialize(garbage), String(garbage)).toEqual(emptyMap());
		}
		// Duplicate ids read back get new ones (keyed lists need unique keys).
		const dup = JSON.stringify({ versie: 1, titel: '', items: [{ id: 'a', chartId: 'x', query: '', title: 'x' }, { id: 'a', chartId: 'y', query: '', title: 'y' }] });
		const read = deserialize(dup);
		expect(read.items[0].id).not.toBe(read.items[1].id);
	});

	it('keeps notebook charts (notebook/<slug>/<chart>) and refuses other paths', () => {
		const nb = addItem(emptyMap(), { chartId: 'notebook/crisis-domus-per-10k/per-gemeente', query: 'peiljaar=2024', title: 'Crisisplekken' }).map;
		expect(deserialize(serialize(nb)).items[0].chartId).toBe('notebook/crisis-domus-per-10k/per-gemeente');
		expect(decodeShare(encodeShare(nb))?.items[0].chartId).toBe('notebook/crisis-domus-per-10k/per-gemeente');
		for (const chartId of ['notebook/../x', 'notebook/a/b/c', 'notebook//x', '../capaciteit', 'notebook/a/B']) {
			const raw = JSON.stringify({ versie: 1, titel: '', items: [{ id: 'a', chartId, query: '', title: 'x' }] });
			expect(deserialize(raw).items, chartId).toEqual([]);
		}
	});

	it('shares as a base64url link and reads it back, rejecting invalid links', () => {
		const map = { ...updateItem(sample(), sample().items[0].id, {}), titel: 'FOT BW&O — maart' };
		const withNote = updateItem(map, map.items[2].id, { slideTitle: 'Één', note: 'Notitie met “quotes” en é' });
		const encoded = encodeShare(withNote);
		expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(shareHref(withNote)).toBe(`/presentatiemap?map=${encoded}`);
		const back = decodeShare(encoded);
		expect(back?.titel).toBe('FOT BW&O — maart');
		expect(back?.items.map(({ id: _id, ...rest }) => rest)).toEqual(withNote.items.map(({ id: _id, ...rest }) => rest));

		const b64 = (s: string) => Buffer.from(s).toString('base64url');
		expect(decodeShare('')).toBeNull();
		expect(decodeShare('!!!')).toBeNull();
		expect(decodeShare(b64('not json'))).toBeNull();
		expect(decodeShare(b64('{"c":[]}'))).toBeNull();
		expect(decodeShare(b64('{"c":[["../etc","",""]]}'))).toBeNull();
		const tooMany = { c: Array.from({ length: MAX_ITEMS + 1 }, (_, n) => ['wlz-per-jaar', `n=${n}`]) };
		expect(decodeShare(b64(JSON.stringify(tooMany)))).toBeNull();
		expect(decodeShare(b64('{"c":[["wlz-per-jaar","?jaar=2024"]]}'))?.items[0]).toMatchObject({ chartId: 'wlz-per-jaar', query: 'jaar=2024', title: 'wlz-per-jaar' });
	});

	it('merges a shared map without duplicates', () => {
		const map = sample();
		const shared = decodeShare(encodeShare({ titel: 'Gedeeld', items: [map.items[1], { ...map.items[1], id: 'z', chartId: 'wlz-per-jaar' }] }))!;
		const merged = mergeMaps(map, shared);
		expect(merged.items.map((i) => i.chartId)).toEqual(['capaciteit-per-gemeente', 'capaciteit-per-type', 'hkg-per-gemeente', 'wlz-per-jaar']);
		expect(merged.titel).toBe('Gedeeld');
	});

	it('builds the deck URL: chart=<id>?<query> per slide, slidetitel and notitie in the same order', () => {
		let map = sample();
		expect(deckHref(map)).toBe(
			`/deck.pptx?chart=${encodeURIComponent('capaciteit-per-gemeente?peiljaar=2024&type=crisisopvang')}&chart=${encodeURIComponent('capaciteit-per-type?peiljaar=2024')}&chart=hkg-per-gemeente`
		);
		map = updateItem({ ...map, titel: 'Regiegroep HKG' }, map.items[1].id, { slideTitle: 'Per type & jaar' });
		const params = new URL(deckHref(map), 'http://x').searchParams;
		expect(params.get('titel')).toBe('Regiegroep HKG');
		expect(params.getAll('chart')).toEqual(['capaciteit-per-gemeente?peiljaar=2024&type=crisisopvang', 'capaciteit-per-type?peiljaar=2024', 'hkg-per-gemeente']);
		expect(params.getAll('slidetitel')).toEqual(['', 'Per type & jaar', '']);
		expect(params.getAll('notitie')).toEqual([]);
	});

	it('normalises page queries and words filters', () => {
		expect(normalizeQuery('?peiljaar=2024&formaat=16x9&type=a&type=b')).toBe('peiljaar=2024&type=a&type=b');
		expect(normalizeQuery('')).toBe('');
		expect(filtersInWords('peiljaar=2024&type=a&type=b')).toBe('peiljaar: 2024 · type: a, b');
		expect(filtersInWords('')).toBe('Standaardfilters van de pagina');
	});
});
