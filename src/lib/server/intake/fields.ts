/** The text fields of an upload form (soort per file, bron, peildatum, illustratief), checked with zod in Dutch. */
import { z } from 'zod';
import { EXPORT_KINDS, EXPORT_SOORTEN, type ExportSoort } from '../../domain/exports';
import { IntakeError } from './errors';

export interface IntakeFields {
	/** By file position; null: recognise from the headers. */
	soorten: (ExportSoort | null)[];
	bron: string | null;
	/** ISO date (JJJJ-MM-DD). */
	peildatum: string | null;
	illustratief: boolean;
}

const SOORTEN_TEKST = EXPORT_SOORTEN.map((s) => `${s} (${EXPORT_KINDS[s].label})`).join(', ');

export const soortSchema = z
	.string()
	.trim()
	.toLowerCase()
	.refine((v) => v === '' || (EXPORT_SOORTEN as readonly string[]).includes(v), { message: `geen bekende soort; kies uit ${SOORTEN_TEKST}, of laat het leeg om de soort te laten herkennen` })
	.transform((v) => (v === '' ? null : (v as ExportSoort)));

/** A real calendar date as 2024-07-01, 01-07-2024 or 01/07/2024, returned as JJJJ-MM-DD. */
export const peildatumSchema = z
	.string()
	.trim()
	.transform((v, ctx) => {
		const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		const nl = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(v);
		const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
		const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
		if (!date || date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
			ctx.addIssue({ code: 'custom', message: `'${v}' is geen geldige datum; verwacht een datum als 2024-07-01 of 01-07-2024` });
			return z.NEVER;
		}
		return date.toISOString().slice(0, 10);
	});

const JA = ['ja', 'true', 'on', '1', 'waar'];
const NEE = ['nee', 'false', 'off', '0', 'onwaar', ''];
export const illustratiefSchema = z
	.string()
	.trim()
	.toLowerCase()
	.refine((v) => JA.includes(v) || NEE.includes(v), { message: "verwacht 'ja' of 'nee'" })
	.transform((v) => JA.includes(v));

export const bronSchema = z.string().trim().max(300, 'de bron is te lang (hoogstens 300 tekens)');

function one(fields: Map<string, string[]>, name: string): string | undefined {
	const values = fields.get(name);
	if (values && values.length > 1) throw new IntakeError(400, 'ongeldig_veld', `Het veld ${name} staat ${values.length} keer in het formulier; geef het één keer.`);
	return values?.[0];
}

function parse<T>(schema: z.ZodType<T>, value: string, veld: string): T {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new IntakeError(400, 'ongeldig_veld', `Veld ${veld}: ${parsed.error.issues[0].message}.`);
	return parsed.data;
}

/** Check the form's text fields against the number of files; IntakeError 400 with a Dutch message naming the field. */
export function parseFields(fields: Map<string, string[]>, fileNames: string[]): IntakeFields {
	const soortValues = fields.get('soort') ?? [];
	if (soortValues.length > fileNames.length) {
		throw new IntakeError(400, 'ongeldig_veld', `Er zijn ${soortValues.length} soorten opgegeven voor ${fileNames.length} bestand${fileNames.length === 1 ? '' : 'en'}; geef per bestand hoogstens één soort, in dezelfde volgorde.`);
	}
	const soorten = fileNames.map((naam, i) => (soortValues[i] === undefined ? null : parse(soortSchema, soortValues[i], `soort van ${naam} (bestand ${i + 1})`)));
	const bron = one(fields, 'bron');
	const peildatum = one(fields, 'peildatum');
	const illustratief = one(fields, 'illustratief');
	return {
		soorten,
		bron: bron === undefined || bron.trim() === '' ? null : parse(bronSchema, bron, 'bron'),
		peildatum: peildatum === undefined || peildatum.trim() === '' ? null : parse(peildatumSchema, peildatum, 'peildatum'),
		illustratief: illustratief === undefined ? false : parse(illustratiefSchema, illustratief, 'illustratief')
	};
}
