/**
 * A chart as a PNG, rendered on the server by resvg from the standalone SVG, with the shipped
 * font only (system fonts differ per machine). Default: the view's size at 2× pixel density,
 * sharp on high-density screens and in print; `formaat: '16x9'` gives a 1920×1080 slide image.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { LoadedChart } from '../charts/types';
import { FONT_FAMILY, fontFiles } from './fonts';
import { standaloneSvg } from './svg';

export const PNG_FORMATEN = ['16x9'] as const;
export type PngFormaat = (typeof PNG_FORMATEN)[number];

export interface PngOptions {
	/** '16x9': exactly 1920×1080, the chart fitted inside on white. Default: 2× the view's size. */
	formaat?: PngFormaat;
}

/** Pixel density of the default PNG. */
const DENSITY = 2;

/**
 * The slide is laid out at half its pixel size (960×540 CSS pixels) and rendered at 2×, so
 * text on a slide has the same proportions as on a 960-pixel-wide page.
 */
const SLIDE = { width: 1920, height: 1080, layoutWidth: 960 };

function renderOptions(fitTo: ResvgRenderOptions['fitTo']): ResvgRenderOptions {
	return {
		fitTo,
		background: '#ffffff',
		font: {
			loadSystemFonts: false,
			fontFiles: fontFiles(),
			defaultFontFamily: FONT_FAMILY,
			sansSerifFamily: FONT_FAMILY
		},
		logLevel: 'off'
	};
}

/** The chart as PNG bytes. */
export async function png(chart: LoadedChart, { formaat }: PngOptions = {}): Promise<Buffer> {
	if (formaat === '16x9') {
		const svg = slideSvg(chart);
		const image = await renderAsync(svg, renderOptions({ mode: 'width', value: SLIDE.width }));
		return image.asPng();
	}
	const image = await renderAsync(standaloneSvg(chart), renderOptions({ mode: 'zoom', value: DENSITY }));
	return image.asPng();
}

/**
 * The standalone figure centred on a 16:9 white page. It is laid out for the slide's width (a
 * wide chart reads better there than the view's 640 px scaled up), then scaled to fit: a tall
 * chart (many gemeenten) shrinks to the slide's height and gets white at the sides.
 */
export function slideSvg(chart: LoadedChart): string {
	const inner = standaloneSvg(chart, { width: SLIDE.layoutWidth - 32 });
	const [, w, h] = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(inner) ?? [];
	const width = Number(w);
	const height = Number(h);
	const pageWidth = SLIDE.layoutWidth;
	const pageHeight = (SLIDE.layoutWidth * SLIDE.height) / SLIDE.width;
	const scale = Math.min(pageWidth / width, pageHeight / height);
	const x = round((pageWidth - width * scale) / 2);
	const y = round((pageHeight - height * scale) / 2);
	const nested = inner.replace(/^<svg /, `<svg x="${x}" y="${y}" `).replace(/ width="[\d.]+" height="[\d.]+"/, ` width="${round(width * scale)}" height="${round(height * scale)}"`);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${pageWidth}" height="${pageHeight}" viewBox="0 0 ${pageWidth} ${pageHeight}">` +
		`<rect width="${pageWidth}" height="${pageHeight}" fill="#ffffff"/>${nested.trimEnd()}</svg>\n`
	);
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
