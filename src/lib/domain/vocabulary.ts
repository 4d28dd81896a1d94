/**
 * The canonical vocabulary of BW&O planning in the centrumregio, with the spellings users
 * really type. Aliases are compared after {@link normaliseKey}, so case, accents, spaces,
 * hyphens and underscores never matter: only list genuinely different words here.
 */

export interface Term<Id extends string = string> {
	id: Id;
	/** Dutch label shown in the UI. */
	label: string;
	/** Other spellings found in exports (normalised before comparison). */
	aliases: readonly string[];
}

function terms<const T extends readonly Term[]>(list: T): T {
	return list;
}

export const VOORZIENINGSTYPEN = terms([
	{ id: 'crisisopvang', label: 'Crisisplekken', aliases: ['crisisplekken', 'crisisplek', 'crisis', 'crisisbedden', 'crisis opvang'] },
	{ id: 'domus_plus', label: 'Domus plus', aliases: ['domus+', 'domusplus', 'domus'] },
	{ id: 'skaeve_huse', label: 'Skaeve huse', aliases: ['skæve huse', 'skaeve huizen', 'skeave huse', 'skaeve huisjes', 'skaeve hus'] },
	{ id: 'nachtopvang', label: 'Nachtopvang', aliases: ['sleep-in', 'sleep in', 'nachtopvangplekken'] },
	{ id: 'tussenvoorziening', label: 'Tussenvoorzieningen', aliases: ['tussenvoorzieningen', 'tussenvoorz', 'tussenvoorz.'] },
	{ id: 'bw_intramuraal', label: 'BW intramuraal', aliases: ['beschermd wonen intramuraal', 'intramuraal bw', 'bw intramuraal', 'intramuraal beschermd wonen', 'bw-intramuraal'] },
	{ id: 'bw_extramuraal', label: 'BW extramuraal', aliases: ['beschermd wonen extramuraal', 'extramuraal bw', 'ambulant beschermd wonen', 'bw ambulant'] },
	{ id: 'beschermd_thuis', label: 'Beschermd thuis', aliases: ['beschermd-thuis', 'beschermdthuis', 'bt'] }
]);

export const DOELGROEPEN = terms([
	{ id: 'algemeen', label: 'Algemeen', aliases: ['alle', 'volwassenen', 'regulier', 'geen specifieke doelgroep'] },
	{ id: 'jongeren', label: 'Jongeren (18–23)', aliases: ['jongvolwassenen', '18-23', 'jongeren 18-23', 'jongeren 18 tot 23'] },
	{ id: 'autisme', label: 'Autisme', aliases: ['ass', 'autismespectrumstoornis', 'mensen met autisme'] },
	{ id: 'lvb', label: 'Licht verstandelijke beperking', aliases: ['licht verstandelijk beperkt', 'licht verstandelijke beperking', 'lvb/ggz'] }
]);

/** Project status, in the order a project passes through them. */
export const PROJECTSTATUSSEN = terms([
	{ id: 'idee', label: 'Idee', aliases: ['initiatief', 'verkenning'] },
	{ id: 'locatieonderzoek', label: 'Locatieonderzoek', aliases: ['locatie onderzoek', 'zoeken naar locatie', 'locatiezoektocht'] },
	{ id: 'besluitvorming', label: 'Besluitvorming', aliases: ['besluit', 'in besluitvorming', 'voorbereiding besluit'] },
	{ id: 'realisatie', label: 'Realisatie', aliases: ['in realisatie', 'bouw', 'in aanbouw', 'uitvoering'] },
	{ id: 'in_gebruik', label: 'In gebruik', aliases: ['gerealiseerd', 'opgeleverd', 'in gebruik genomen', 'operationeel'] }
]);

/** HKG bidding rounds, in chronological order. */
export const HKG_RONDES = terms([
	{ id: 'voorlopig', label: 'Voorlopig bod', aliases: ['voorlopig bod', 'eerste bod', 'concept', 'conceptbod'] },
	{ id: 'aanvulling', label: 'Aanvulling', aliases: ['aanvullend bod', 'aanvullend', 'tweede bod', 'aanvulling bod'] },
	{ id: 'definitief', label: 'Definitief bod', aliases: ['definitief bod', 'eindbod', 'def', 'definitieve bod'] }
]);

export const HKG_CATEGORIEEN = terms([
	{ id: 'uitstroomwoningen', label: 'Woningen voor uitstroom', aliases: ['uitstroom', 'woningen uitstroom', 'zelfstandige woningen', 'woningen'] },
	{ id: 'onzelfstandige_eenheden', label: 'Onzelfstandige eenheden', aliases: ['onzelfstandig', 'kamers', 'onzelfstandige woonruimte'] },
	{ id: 'skaeve_huse', label: 'Skaeve huse', aliases: ['skæve huse', 'skaeve huizen', 'skaeve huisjes'] },
	{ id: 'domus_plus', label: 'Domus plus', aliases: ['domus+', 'domusplus'] },
	{ id: 'crisisplekken', label: 'Crisisplekken', aliases: ['crisisopvang', 'crisis'] }
]);

/** How the regional opgave is divided over gemeenten for a fair share. */
export const VERDEELSLEUTELS = terms([
	{ id: 'inwoners', label: 'Naar inwoners', aliases: ['inwonertal', 'bevolking', 'inwonersaantal'] },
	{ id: 'sociale_huurwoningen', label: 'Naar sociale huurvoorraad', aliases: ['sociale huurvoorraad', 'sociale huur', 'corporatiewoningen', 'huurwoningen corporaties'] }
]);

export type Voorzieningstype = (typeof VOORZIENINGSTYPEN)[number]['id'];
export type Doelgroep = (typeof DOELGROEPEN)[number]['id'];
export type Projectstatus = (typeof PROJECTSTATUSSEN)[number]['id'];
export type HkgRonde = (typeof HKG_RONDES)[number]['id'];
export type HkgCategorie = (typeof HKG_CATEGORIEEN)[number]['id'];
export type Verdeelsleutel = (typeof VERDEELSLEUTELS)[number]['id'];

export const VOCABULARIES = {
	voorzieningstype: VOORZIENINGSTYPEN,
	doelgroep: DOELGROEPEN,
	projectstatus: PROJECTSTATUSSEN,
	hkg_ronde: HKG_RONDES,
	hkg_categorie: HKG_CATEGORIEEN,
	verdeelsleutel: VERDEELSLEUTELS
} as const;
export type VocabularyName = keyof typeof VOCABULARIES;

/** Ids of a vocabulary as a non-empty tuple, for z.enum. */
export function ids<T extends readonly Term[]>(list: T): [T[number]['id'], ...T[number]['id'][]] {
	return list.map((t) => t.id) as [T[number]['id'], ...T[number]['id'][]];
}

/** Dutch label of an id, or the id itself when unknown. */
export function labelOf(vocabulary: VocabularyName, id: string): string {
	return (VOCABULARIES[vocabulary] as readonly Term[]).find((t) => t.id === id)?.label ?? id;
}

/**
 * The comparison key for names and aliases: lower case, accents removed (æ → ae, ø → o),
 * everything but letters, digits and '+' dropped. `Hardinxveld Giessendam`,
 * `hardinxveld-giessendam` and `HARDINXVELD_GIESSENDAM` share one key.
 * The SQL twin lives in ingest (normalise_key macro) and must stay equivalent; a test checks both.
 */
export function normaliseKey(value: string): string {
	return value
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9+]/g, '');
}

/** Map from normalised key (id, label or alias) to canonical id, for one vocabulary. */
export function aliasTable(vocabulary: VocabularyName): Map<string, string> {
	const table = new Map<string, string>();
	for (const term of VOCABULARIES[vocabulary] as readonly Term[]) {
		for (const spelling of [term.id, term.label, ...term.aliases]) table.set(normaliseKey(spelling), term.id);
	}
	return table;
}
