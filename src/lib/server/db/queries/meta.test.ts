import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useFixtureStore } from '../../../../../tests/helpers/fixture-store';
import { STORE_SCHEMA_VERSION } from '../schema';
import { bronVoor, gemeente, gemeenten, peiljaren, provenance, snapshotInfo, summariseBronnen } from './meta';

const fixture = useFixtureStore({ beforeAll, afterAll });

describe('meta', () => {
	test('snapshotInfo names the snapshot the pointer names, and the region of the manifest', async () => {
		const info = await snapshotInfo();
		expect(info.snapshot_id).toBe(fixture().snapshotId());
		expect(info).toMatchObject({ regio_code: 'CR0505', regio_naam: 'Dordrecht', schema_version: STORE_SCHEMA_VERSION });
		expect(info.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
	});

	test('provenance lists every export in kind order with rows, peildatum and flags from the manifest', async () => {
		const rows = await provenance();
		expect(rows.map((r) => r.soort)).toEqual(['gemeenten', 'inwoners', 'capaciteit', 'wlz_instroom', 'hkg_opgave', 'hkg_biedingen', 'dagbesteding', 'projecten']);
		const capaciteit = rows.find((r) => r.soort === 'capaciteit');
		// 17 data lines in capaciteit.csv.
		expect(capaciteit).toMatchObject({ bestand: 'capaciteit.csv', rijen: 17, peildatum: '2024-07-01', illustratief: true, bron: 'Capaciteitsonderzoek (testset)' });
		expect(capaciteit?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(capaciteit?.bytes).toBeGreaterThan(0);
		expect(rows.find((r) => r.soort === 'wlz_instroom')?.rijen).toBe(16);
	});

	test('bronVoor joins sources, takes the latest peildatum and flags illustrative data', async () => {
		const bron = await bronVoor(['inwoners', 'capaciteit']);
		expect(bron).toMatchObject({ bron: 'CBS StatLine (testset); Capaciteitsonderzoek (testset)', peildatum: '2024-07-01', illustratief: true });
		expect(await bronVoor(['inwoners'])).toMatchObject({ peildatum: '2024-01-01', illustratief: false });
	});

	test('summariseBronnen of nothing has no peildatum', () => {
		expect(summariseBronnen([], 5)).toEqual({ bron: '', peildatum: null, illustratief: false, bronnen: [], drempel: 5 });
	});

	test('gemeenten by name with their latest inwoners', async () => {
		const rows = await gemeenten();
		expect(rows.map((r) => r.naam)).toEqual(['Dordrecht', 'Gorinchem', 'Molenlanden']);
		expect(rows[2]).toMatchObject({ gemeentecode: 'GM1978', inwoners_jaar: 2024, inwoners: 50000, sociale_huurwoningen: 4000, tegel_x: 2, tegel_y: 0 });
		expect(rows[0].lat).toBeCloseTo(51.8133, 4);
	});

	test('gemeente(code) finds one gemeente, null for unknown or malformed codes', async () => {
		expect((await gemeente('GM0512'))?.naam).toBe('Gorinchem');
		expect(await gemeente('GM9999')).toBeNull();
		expect(await gemeente("GM0505' OR 1=1 --")).toBeNull();
	});

	test('peiljaren ascending', async () => {
		expect(await peiljaren()).toEqual([2023, 2024]);
	});
});
