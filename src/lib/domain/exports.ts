/**
 * The eight export kinds of data/exports/README.md, declared once. Everything else derives
 * from these declarations: the zod row schemas (schemas.ts), the SQL that normalises and
 * validates an export inside DuckDB (server/ingest/sql.ts), the store's table definitions,
 * and the format documentation in data/exports/README.md (checked by a test).
 */
import type { VocabularyName } from './vocabulary';

/** Years outside this range are typing errors, not data. */
export const JAAR_MIN = 2000;
export const JAAR_MAX = 2050;

export type ColumnType =
	/** A CBS gemeentecode (GM + 4 digits) or a gemeente name known in the gemeenten export. */
	| { kind: 'gemeentecode' }
	/** A code with a fixed shape, e.g. a regiocode. */
	| { kind: 'code'; pattern: string; shape: string }
	| { kind: 'int'; min: number; max?: number }
	| { kind: 'decimal'; min?: number; max?: number }
	/** A calendar year; CBS StatLine periods such as 2024JJ00 are accepted. */
	| { kind: 'year' }
	/** A date: 2023-11-15, 15-11-2023 or 15/11/2023, or an Excel date cell. */
	| { kind: 'date' }
	/** A period: a year (2021) or a quarter (2021-K1, 2021 Q1, 2021KW01). */
	| { kind: 'periode' }
	/** An HKG planning period: a year or a range of years, 2024-2027. */
	| { kind: 'planperiode' }
	| { kind: 'enum'; vocabulary: VocabularyName }
	| { kind: 'text'; maxLength: number };

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	/** Required columns must be present in the file and filled in every row. */
	required: boolean;
	/** Value used when an optional column is absent or empty; absent means null (unknown). */
	default?: string;
	/** Dutch description for the format documentation and error messages. */
	description: string;
	unit?: string;
	/** Other header titles users' files carry for this column (compared normalised). */
	headerAliases?: readonly string[];
	example: string;
	/**
	 * The column counts persons: small values never leave the tool (disclosure control,
	 * src/lib/server/disclosure). Places, units, bids and inhabitants are not persons.
	 */
	persons?: boolean;
}

export interface ExportKind {
	soort: ExportSoort;
	label: string;
	description: string;
	columns: readonly ColumnSpec[];
	/** Columns that identify a row; duplicates are an error. */
	key: readonly string[];
}

export const EXPORT_SOORTEN = [
	'gemeenten',
	'inwoners',
	'capaciteit',
	'wlz_instroom',
	'hkg_opgave',
	'hkg_biedingen',
	'dagbesteding',
	'projecten'
] as const;
export type ExportSoort = (typeof EXPORT_SOORTEN)[number];

const count = (min = 0): ColumnType => ({ kind: 'int', min });
const gemeente = (required: boolean, description: string): ColumnSpec => ({
	name: 'gemeentecode',
	type: { kind: 'gemeentecode' },
	required,
	description,
	headerAliases: ['gemeente', 'gemeentenaam', 'code gemeente', "regio's", 'regios', 'regio', 'gemcode', 'cbs code'],
	example: 'GM0505'
});

export const EXPORT_KINDS: Record<ExportSoort, ExportKind> = {
	gemeenten: {
		soort: 'gemeenten',
		label: 'Gemeenten',
		description:
			'De gemeenten van de regio met hun CBS-code, subregio en centrumregio, en hun plaats op de kaart en in de tegelkaart.',
		key: ['gemeentecode'],
		columns: [
			{ ...gemeente(true, 'CBS-gemeentecode; deze export legt de codes en namen van de regio vast.'), headerAliases: ['code', 'gemcode', 'cbs code', 'statcode'] },
			{ name: 'naam', type: { kind: 'text', maxLength: 80 }, required: true, description: 'Officiële gemeentenaam.', headerAliases: ['gemeentenaam', 'gemeente', 'statnaam'], example: 'Dordrecht' },
			{ name: 'subregio', type: { kind: 'text', maxLength: 80 }, required: true, description: 'Subregio binnen de centrumregio.', example: 'Drechtsteden' },
			{ name: 'centrumregio', type: { kind: 'code', pattern: '^CR[0-9]{4}$', shape: 'CR + 4 cijfers (CR + code van de centrumgemeente)' }, required: true, description: 'Regiocode van de centrumregio BW&O: CR gevolgd door de cijfers van de centrumgemeente.', headerAliases: ['regiocode', 'centrumgemeente'], example: 'CR0505' },
			{ name: 'lat', type: { kind: 'decimal', min: -90, max: 90 }, required: true, description: 'Breedtegraad van het gemeentehuis (WGS84).', unit: 'graden', headerAliases: ['breedtegraad', 'latitude'], example: '51,8133' },
			{ name: 'lon', type: { kind: 'decimal', min: -180, max: 180 }, required: true, description: 'Lengtegraad van het gemeentehuis (WGS84).', unit: 'graden', headerAliases: ['lengtegraad', 'longitude', 'lng'], example: '4,6901' },
			{ name: 'tegel_x', type: { kind: 'int', min: 0, max: 50 }, required: true, description: 'Kolom in de tegelkaart (0 = links).', headerAliases: ['tegel x', 'kolom'], example: '2' },
			{ name: 'tegel_y', type: { kind: 'int', min: 0, max: 50 }, required: true, description: 'Rij in de tegelkaart (0 = boven).', headerAliases: ['tegel y', 'rij'], example: '1' }
		]
	},
	inwoners: {
		soort: 'inwoners',
		label: 'Inwoners en sociale huurvoorraad',
		description:
			'Inwoners op 1 januari en de sociale huurvoorraad per gemeente per jaar. Een CBS StatLine-download (perioden als 2024JJ00, regiocodes met spaties) wordt direct herkend.',
		key: ['gemeentecode', 'jaar'],
		columns: [
			gemeente(true, 'CBS-gemeentecode of gemeentenaam.'),
			{ name: 'jaar', type: { kind: 'year' }, required: true, description: 'Jaar (stand op 1 januari).', headerAliases: ['perioden', 'periode', 'peiljaar'], example: '2024' },
			{ name: 'inwoners', type: count(), required: true, description: 'Inwoners op 1 januari.', unit: 'personen', headerAliases: ['bevolking op 1 januari (aantal)', 'bevolking op 1 januari', 'totale bevolking', 'totale bevolking (aantal)', 'totalebevolking_1', 'bevolking', 'aantal inwoners', 'inwonertal'], example: '122089' },
			{ name: 'sociale_huurwoningen', type: count(), required: false, description: 'Woningen in bezit van woningcorporaties (sociale huurvoorraad), leeg als onbekend.', unit: 'woningen', headerAliases: ['huurwoningen in bezit woningcorporaties (aantal)', 'woningen in bezit van woningcorporaties', 'corporatiewoningen', 'sociale huurvoorraad', 'sociale huur'], example: '21450' }
		]
	},
	capaciteit: {
		soort: 'capaciteit',
		label: 'Capaciteit en behoefte',
		description:
			'Per peildatum, gemeente, voorzieningstype en doelgroep: bestaande plekken, bezetting, wachtlijst, behoefte volgens het capaciteitsonderzoek en geplande plekken.',
		key: ['peildatum', 'gemeentecode', 'voorzieningstype', 'doelgroep'],
		columns: [
			{ name: 'peiljaar', type: { kind: 'year' }, required: true, description: 'Jaar waarop de telling betrekking heeft.', headerAliases: ['jaar', 'perioden'], example: '2024' },
			{ name: 'peildatum', type: { kind: 'date' }, required: false, default: 'peiljaar-01-01', description: 'Datum van de telling; leeg of afwezig betekent 1 januari van het peiljaar. Maandelijkse tellingen hebben een peildatum per maand.', headerAliases: ['datum', 'telmoment'], example: '2024-01-01' },
			gemeente(true, 'CBS-gemeentecode of gemeentenaam.'),
			{ name: 'voorzieningstype', type: { kind: 'enum', vocabulary: 'voorzieningstype' }, required: true, description: 'Soort voorziening.', headerAliases: ['type', 'voorziening', 'soort voorziening'], example: 'crisisopvang' },
			{ name: 'doelgroep', type: { kind: 'enum', vocabulary: 'doelgroep' }, required: false, default: 'algemeen', description: 'Doelgroep van de plekken; leeg betekent algemeen.', example: 'autisme' },
			{ name: 'bestaand', type: count(), required: true, description: 'Bestaande plekken op de peildatum.', unit: 'plekken', headerAliases: ['bestaande plekken', 'capaciteit', 'aantal plekken'], example: '6' },
			{ name: 'bezet', persons: true, type: count(), required: false, description: 'Bezette plekken op de peildatum; leeg als onbekend.', unit: 'plekken', headerAliases: ['bezetting', 'bezette plekken'], example: '6' },
			{ name: 'wachtlijst', persons: true, type: count(), required: false, description: 'Personen op de wachtlijst; leeg als onbekend.', unit: 'personen', headerAliases: ['wachtenden', 'wachtlijst personen'], example: '4' },
			{ name: 'behoefte', type: count(), required: true, description: 'Benodigde plekken volgens het capaciteitsonderzoek.', unit: 'plekken', headerAliases: ['benodigd', 'benodigde plekken', 'nodig'], example: '9' },
			{ name: 'gepland', type: count(), required: true, description: 'Plekken in voorbereiding of realisatie (nog niet in gebruik).', unit: 'plekken', headerAliases: ['gepland plekken', 'geplande plekken', 'in voorbereiding'], example: '2' }
		]
	},
	wlz_instroom: {
		soort: 'wlz_instroom',
		label: 'Wlz-instroom',
		description:
			'Per jaar en regio (en voor deze regio per gemeente) het aantal BW-cliënten dat instroomt in de Wet langdurige zorg, het aantal BW-cliënten en de inwoners.',
		key: ['jaar', 'regiocode', 'gemeentecode'],
		columns: [
			{ name: 'jaar', type: { kind: 'year' }, required: true, description: 'Kalenderjaar van de instroom.', headerAliases: ['perioden', 'periode'], example: '2023' },
			{ name: 'regiocode', type: { kind: 'code', pattern: '^CR[0-9]{4}$', shape: 'CR + 4 cijfers' }, required: true, description: 'Centrumregio BW&O: CR gevolgd door de cijfers van de centrumgemeente.', headerAliases: ['regio', 'centrumregio'], example: 'CR0505' },
			{ name: 'regionaam', type: { kind: 'text', maxLength: 80 }, required: true, description: 'Naam van de centrumregio.', example: 'Dordrecht' },
			{ ...gemeente(false, 'Gemeente binnen de regio; leeg voor een regiototaal.'), headerAliases: ['gemeente', 'gemeentenaam'] },
			{ name: 'instroom', persons: true, type: count(), required: true, description: 'BW-cliënten met instroom in de Wlz in het jaar.', unit: 'personen', headerAliases: ['wlz-instroom', 'wlz instroom', 'instroom wlz'], example: '31' },
			{ name: 'bw_clienten', persons: true, type: count(), required: true, description: 'BW-cliënten in het jaar (gemiddeld).', unit: 'personen', headerAliases: ['bw-cliënten', 'bw cliënten', 'clienten bw', 'cliënten'], example: '480' },
			{ name: 'inwoners', type: count(1), required: true, description: 'Inwoners van regio of gemeente op 1 januari.', unit: 'personen', headerAliases: ['bevolking'], example: '381236' }
		]
	},
	hkg_opgave: {
		soort: 'hkg_opgave',
		label: 'HKG-opgave',
		description:
			'De regionale opgave Huisvesting Kwetsbare Groepen per planperiode en categorie, en de verdeelsleutel die de regio hanteert.',
		key: ['periode', 'categorie'],
		columns: [
			{ name: 'periode', type: { kind: 'planperiode' }, required: true, description: 'Planperiode van de opgave.', headerAliases: ['planperiode'], example: '2024-2027' },
			{ name: 'categorie', type: { kind: 'enum', vocabulary: 'hkg_categorie' }, required: true, description: 'Categorie huisvesting.', example: 'uitstroomwoningen' },
			{ name: 'regionale_opgave', type: count(), required: true, description: 'Regionale opgave in eenheden voor de hele periode.', unit: 'eenheden', headerAliases: ['opgave', 'regionale opgave', 'opgave regio'], example: '240' },
			{ name: 'verdeelsleutel', type: { kind: 'enum', vocabulary: 'verdeelsleutel' }, required: false, default: 'inwoners', description: 'Verdeelsleutel die de regio voor deze categorie afsprak; leeg betekent naar inwoners.', example: 'inwoners' }
		]
	},
	hkg_biedingen: {
		soort: 'hkg_biedingen',
		label: 'HKG-biedingen',
		description:
			'Het bod van elke gemeente per planperiode, ronde (voorlopig bod, aanvulling, definitief bod) en categorie.',
		key: ['periode', 'ronde', 'gemeentecode', 'categorie'],
		columns: [
			{ name: 'periode', type: { kind: 'planperiode' }, required: true, description: 'Planperiode; moet voorkomen in de HKG-opgave.', headerAliases: ['planperiode'], example: '2024-2027' },
			{ name: 'ronde', type: { kind: 'enum', vocabulary: 'hkg_ronde' }, required: true, description: 'Biedingsronde.', headerAliases: ['biedingsronde'], example: 'voorlopig' },
			{ name: 'ronde_datum', type: { kind: 'date' }, required: true, description: 'Datum waarop het bod is uitgebracht.', headerAliases: ['datum', 'datum bod'], example: '2023-11-15' },
			gemeente(true, 'CBS-gemeentecode of gemeentenaam.'),
			{ name: 'categorie', type: { kind: 'enum', vocabulary: 'hkg_categorie' }, required: true, description: 'Categorie huisvesting; de combinatie periode en categorie moet in de HKG-opgave staan.', example: 'uitstroomwoningen' },
			{ name: 'bod', type: count(), required: true, description: 'Geboden eenheden voor de hele periode.', unit: 'eenheden', headerAliases: ['aantal', 'geboden', 'bod eenheden'], example: '48' },
			{ name: 'toelichting', type: { kind: 'text', maxLength: 2000 }, required: false, description: 'Toelichting van de gemeente.', headerAliases: ['opmerking', 'opmerkingen'], example: 'Twee locaties in onderzoek' }
		]
	},
	dagbesteding: {
		soort: 'dagbesteding',
		label: 'Dagbesteding binnen BW',
		description: 'Per periode en aanbieder (en desgewenst gemeente): BW-cliënten en hoeveel van hen dagbesteding hebben.',
		key: ['periode', 'aanbieder', 'gemeentecode', 'centrumregio'],
		columns: [
			{ name: 'periode', type: { kind: 'periode' }, required: true, description: 'Jaar of kwartaal.', headerAliases: ['kwartaal', 'perioden'], example: '2021-K1' },
			{ name: 'aanbieder', type: { kind: 'text', maxLength: 120 }, required: true, description: 'Zorgaanbieder.', headerAliases: ['zorgaanbieder', 'organisatie'], example: 'Aanbieder A' },
			gemeente(false, 'Gemeente van de cliënten; leeg als de aanbieder regionaal levert.'),
			{
				name: 'centrumregio',
				type: { kind: 'code', pattern: '^CR[0-9]{4}$', shape: 'CR + 4 cijfers (CR + code van de centrumgemeente)' },
				required: false,
				description: 'Alleen nodig in een export van meer regio’s: de centrumregio waar een aanbieder zonder gemeente regionaal levert. Leeg: de regio van het manifest; bij een rij met gemeente de regio van die gemeente.',
				headerAliases: ['regiocode'],
				example: 'CR0505'
			},
			{ name: 'bw_clienten', persons: true, type: count(), required: true, description: 'BW-cliënten van de aanbieder in de periode.', unit: 'personen', headerAliases: ['bw-cliënten', 'clienten', 'cliënten'], example: '120' },
			{ name: 'met_dagbesteding', persons: true, type: count(), required: true, description: 'Daarvan met dagbesteding; niet meer dan bw_clienten.', unit: 'personen', headerAliases: ['met dagbesteding', 'dagbesteding'], example: '55' }
		]
	},
	projecten: {
		soort: 'projecten',
		label: 'Projecten',
		description: 'Projecten voor domus plus, Skaeve huse, crisisplekken en andere voorzieningen, met status en verwachte oplevering.',
		key: ['project_id'],
		columns: [
			{ name: 'project_id', type: { kind: 'code', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$', shape: 'letters, cijfers, punt, streepje of liggend streepje (max. 40 tekens)' }, required: true, description: 'Unieke code van het project.', headerAliases: ['id', 'projectcode', 'project id'], example: 'SH-GOR-01' },
			{ name: 'naam', type: { kind: 'text', maxLength: 160 }, required: true, description: 'Naam van het project.', headerAliases: ['projectnaam'], example: 'Skaeve huse Gorinchem' },
			{ name: 'type', type: { kind: 'enum', vocabulary: 'voorzieningstype' }, required: true, description: 'Soort voorziening die het project oplevert.', headerAliases: ['voorzieningstype', 'soort voorziening'], example: 'skaeve_huse' },
			gemeente(true, 'CBS-gemeentecode of gemeentenaam.'),
			{ name: 'eenheden', type: count(), required: true, description: 'Aantal plekken of woningen dat het project oplevert.', unit: 'eenheden', headerAliases: ['aantal', 'plekken', 'aantal eenheden'], example: '4' },
			{ name: 'status', type: { kind: 'enum', vocabulary: 'projectstatus' }, required: true, description: 'Fase: idee, locatieonderzoek, besluitvorming, realisatie of in gebruik.', headerAliases: ['fase'], example: 'besluitvorming' },
			{ name: 'status_datum', type: { kind: 'date' }, required: true, description: 'Datum waarop de status is vastgesteld.', headerAliases: ['datum status', 'statusdatum'], example: '2023-10-01' },
			{ name: 'verwachte_oplevering', type: { kind: 'date' }, required: false, description: 'Verwachte datum van ingebruikname; leeg als nog onbekend.', headerAliases: ['oplevering', 'verwachte opleverdatum', 'gereed'], example: '2025-06-30' },
			{ name: 'toelichting', type: { kind: 'text', maxLength: 2000 }, required: false, description: 'Toelichting.', headerAliases: ['opmerking', 'opmerkingen'], example: 'Besluit verwacht begin 2024' }
		]
	}
};

/** The columns of every kind that count persons (`persons: true`), by name: instroom, bw_clienten, … */
export const PERSON_COLUMNS: readonly string[] = [
	...new Set(Object.values(EXPORT_KINDS).flatMap((kind) => kind.columns.filter((c) => c.persons).map((c) => c.name)))
];

/** Column names of a kind, in declaration order. */
export function columnNames(soort: ExportSoort): string[] {
	return EXPORT_KINDS[soort].columns.map((c) => c.name);
}

/** The Dutch name of a column type, for the column tables of the docs and the page /bronnen. */
export const COLUMN_TYPE_NAAM: Record<ColumnType['kind'], string> = {
	gemeentecode: 'gemeentecode',
	code: 'code',
	int: 'geheel getal',
	decimal: 'getal',
	year: 'jaar',
	date: 'datum',
	periode: 'periode',
	planperiode: 'planperiode',
	enum: 'keuzelijst',
	text: 'tekst'
};

/** Dutch description of what a column type accepts, for error messages and docs. */
export function expectedText(column: ColumnSpec): string {
	const t = column.type;
	switch (t.kind) {
		case 'gemeentecode':
			return 'een gemeentecode (GM + 4 cijfers) of een gemeentenaam uit de gemeenten-export';
		case 'code':
			return t.shape;
		case 'int':
			return t.max === undefined ? `een geheel getal van ${t.min} of meer` : `een geheel getal van ${t.min} t/m ${t.max}`;
		case 'decimal':
			return t.min !== undefined && t.max !== undefined ? `een getal van ${t.min} t/m ${t.max}` : 'een getal';
		case 'year':
			return `een jaartal van ${JAAR_MIN} t/m ${JAAR_MAX} (of een CBS-periode zoals 2024JJ00)`;
		case 'date':
			return 'een datum als 2023-11-15 of 15-11-2023';
		case 'periode':
			return 'een jaar (2021) of kwartaal (2021-K1)';
		case 'planperiode':
			return 'een jaar (2024) of reeks jaren (2024-2027)';
		case 'enum':
			return `een van de waarden uit de woordenlijst ${t.vocabulary}`;
		case 'text':
			return `tekst van hoogstens ${t.maxLength} tekens`;
	}
}
