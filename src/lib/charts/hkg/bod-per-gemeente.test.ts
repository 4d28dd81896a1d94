import { describe, expect, it } from 'vitest';
import { renderChart } from '$lib/server/charts/render';
import { chartById } from '$lib/server/views';
import { hkgBodPerGemeente } from './bod-per-gemeente';
import { HKG_ROWS } from './fixtures.test-data';
import { hkgModel } from './model';
import { normalise } from '../snapshot.test-helpers';

const uitstroom = HKG_ROWS.filter((r) => r.categorie === 'uitstroomwoningen');
const rows = hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'afgesproken' }).gemeenten;
const watAls = hkgModel(uitstroom, { ronde: 'definitief', sleutel: 'afgesproken', watAls: { GM0505: 72 } }).gemeenten;

describe('hkg-bod-per-gemeente chart', () => {
	it('is registered under its id', () => {
		expect(chartById('hkg-bod-per-gemeente')).toBe(hkgBodPerGemeente);
	});

	it('draws three rounds, the fair share and the shortfall, with click-through to each gemeente', () => {
		const chart = renderChart(hkgBodPerGemeente, rows, { title: 'Bod per gemeente', width: 720 });
		expect(chart.svg).toContain('role="img"');
		// Click-through without links inside role="img" (see links.ts).
		expect(chart.svg).toContain('<g data-href="/gemeente/GM0505">');
		expect(chart.svg).toContain('<g data-href="/gemeente/GM0512">');
		expect(chart.svg).not.toMatch(/<a[ >]/);
		expect(chart.svg).toContain('Dordrecht, definitief bod: 65 eenheden');
		expect(chart.svg).toContain('Dordrecht: redelijk aandeel 70,0 eenheden (naar sociale huurvoorraad (afgesproken))');
		expect(chart.svg).toContain('tekort 5');
		expect(chart.svg).toContain('aandeel gehaald');
	});

	it('states the shortfall in the text alternative and the table', () => {
		expect(hkgBodPerGemeente.describe(rows)).toBe(
			'In het definitief bod bieden 1 van de 2 gemeenten minder dan hun redelijk aandeel naar sociale huurvoorraad (afgesproken): Dordrecht (tekort 5,0); ' +
				'samen 5,0 eenheden. Het grootste tekort heeft Dordrecht: bod 65, redelijk aandeel 70,0, tekort 5,0.'
		);
		const table = hkgBodPerGemeente.table(rows);
		expect(table.columns.map((c) => c.label)).toEqual(['Gemeente', 'Voorlopig bod', 'Aanvulling', 'Definitief bod', 'Redelijk aandeel', 'Tekort']);
		expect(table.rows[0]).toEqual(['Dordrecht', '50', '60', '65', '70,0', '5,0']);
	});

	it('shows a what-if bid as its own mark and column', () => {
		const chart = renderChart(hkgBodPerGemeente, watAls, { title: 'Wat-als' });
		expect(chart.svg).toContain('Dordrecht, wat-als: 72 eenheden (echt bod 65)');
		expect(chart.description).toContain('Met de wat-als-biedingen (in plaats van het definitief bod) bieden alle 2 gemeenten');
		expect(chart.table.rows[0]).toEqual(['Dordrecht', '50', '60', '65', '72', '70,0', '0,0']);
		expect(hkgBodPerGemeente.describe([])).toContain('geen biedingen');
	});

	it('matches the committed SVG snapshots', async () => {
		const chart = renderChart(hkgBodPerGemeente, rows, { title: 'HKG-bod per gemeente tegen het redelijk aandeel', width: 720 });
		await expect(normalise(chart.svg)).toMatchFileSnapshot('../../../../tests/output/hkg-bod-per-gemeente.svg');
		const scenario = renderChart(hkgBodPerGemeente, watAls, { title: 'HKG-bod per gemeente, wat-als', width: 720 });
		await expect(normalise(scenario.svg)).toMatchFileSnapshot('../../../../tests/output/hkg-bod-per-gemeente-wat-als.svg');
	});
});

describe('hkg-bod-per-gemeente legend of the data', () => {
	const labels = (r: typeof rows) => hkgBodPerGemeente.legendOf!(r).map((item) => item.label);

	it('leaves out the what-if bid without what-if bids, and keeps it with them', () => {
		expect(labels(rows)).toEqual(['Voorlopig bod', 'Aanvulling', 'Definitief bod', 'Redelijk aandeel', 'Tekort t.o.v. redelijk aandeel']);
		expect(labels(watAls)).toEqual(['Voorlopig bod', 'Aanvulling', 'Definitief bod', 'Redelijk aandeel', 'Wat-als-bod']);
	});

	it('leaves out rounds nobody bid in', () => {
		const alleenVoorlopig = rows.map((g) => ({ ...g, aanvulling: null, definitief: null }));
		expect(labels(alleenVoorlopig)).not.toContain('Aanvulling');
		expect(labels(alleenVoorlopig)).toContain('Voorlopig bod');
	});
});
