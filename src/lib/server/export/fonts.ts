/**
 * The typeface of exported images. PNGs are rendered on the server with resvg, which must
 * never fall back to whatever fonts the machine has (a figure would look different on every
 * server, or show boxes); so exports name one family and resvg loads only its shipped files.
 *
 * Source Sans 3 (Adobe, SIL Open Font License 1.1) comes as TTF in the npm package
 * @expo-google-fonts/source-sans-3 (its LICENSE_FONT holds the OFL text); resvg reads TTF/OTF,
 * not the WOFF2 files of @fontsource packages.
 */
import { createRequire } from 'node:module';

/** The family name as the TTF files declare it. */
export const FONT_FAMILY = 'Source Sans 3';

/** The font-family value written into exported SVGs: the shipped family, then a generic fallback for viewers without it. */
export const FONT_STACK = `'${FONT_FAMILY}', 'Source Sans Pro', Verdana, sans-serif`;

const require = createRequire(import.meta.url);

const WEIGHTS = ['400Regular', '600SemiBold', '700Bold'] as const;

let files: string[] | undefined;

/** Absolute paths of the shipped font files (regular, semibold for titles, bold). */
export function fontFiles(): string[] {
	return (files ??= WEIGHTS.map((weight) => require.resolve(`@expo-google-fonts/source-sans-3/${weight}/SourceSans3_${weight}.ttf`)));
}
