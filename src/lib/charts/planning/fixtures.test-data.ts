/** Projects as the example data has them (data/exports/README.md, "Wat de voorbeelddata laat zien"), for the planning chart tests. */
import type { TijdlijnProject } from './tijdlijn';

const p = (
	project_id: string,
	naam: string,
	type: TijdlijnProject['type'],
	gemeentecode: string,
	gemeentenaam: string,
	eenheden: number,
	status: TijdlijnProject['status'],
	status_datum: string,
	verwachte_oplevering: string | null
): TijdlijnProject => ({ project_id, naam, type, gemeentecode, gemeentenaam, eenheden, status, status_datum, verwachte_oplevering, toelichting: null });

export const PROJECTEN: TijdlijnProject[] = [
	p('DP-REG-01', 'Domus plus regio Drechtsteden', 'domus_plus', 'GM0505', 'Dordrecht', 12, 'locatieonderzoek', '2023-10-02', null),
	p('SH-DOR-01', 'Skaeve huse Dordrecht', 'skaeve_huse', 'GM0505', 'Dordrecht', 5, 'in_gebruik', '2018-10-01', null),
	p('SH-GOR-01', 'Skaeve huse Gorinchem', 'skaeve_huse', 'GM0512', 'Gorinchem', 4, 'besluitvorming', '2023-11-15', '2026-09-30'),
	p('SH-MOL-01', 'Skaeve huse Molenlanden', 'skaeve_huse', 'GM1978', 'Molenlanden', 3, 'besluitvorming', '2023-11-20', '2027-03-31'),
	p('CR-DOR-01', 'Uitbreiding crisisopvang Dordrecht', 'crisisopvang', 'GM0505', 'Dordrecht', 2, 'realisatie', '2023-09-01', '2024-07-01'),
	p('CR-GOR-01', 'Crisisplek Gorinchem', 'crisisopvang', 'GM0512', 'Gorinchem', 1, 'idee', '2023-11-15', null)
];
