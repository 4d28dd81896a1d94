/**
 * The chart image of a deck slide: 1920×1080 PNG, the chart and its legend only. The slide
 * carries the title, subtitle and source line as editable text boxes, so the image must not
 * repeat them (the 16:9 download, /charts/<id>.png?formaat=16x9, has them inside because it
 * stands alone).
 *
 * Built from the standalone SVG with an empty title and subtitle (it then draws none) and
 * with its footer (the text after the figure) cut off, laid out at 960 CSS pixels and rendered
 * at 2×, as the 16:9 download is, with the shipped font only.
 */
import { renderAsync } from '@resvg/resvg-js';
import type { LoadedChart } from '../charts/types';
import { FONT_FAMILY, fontFiles } from './fonts';
import { standaloneSvg } from './svg';

export const DECK_IMAGE = { width: 1920, height: 1080, layoutWidth: 960 } as const;

/** The standalone figure without title, subtitle and source line. */
export function bareChartSvg(chart: LoadedChart, width: number): string {
	const svg = standaloneSvg({ ...chart, meta: { ...chart.meta, title: '', subtitle: '' } }, { width });
	const close = svg.lastIndexOf('</svg>');
	const figureStart = svg.indexOf('<svg', 1);
	const figureClose = svg.lastIndexOf('</svg>', close - 1);
	if (figureStart < 0 || figureClose < figureStart) throw new Error(`Chart ${chart.definition.id}: no figure in the standalone SVG`);
	const figureTag = svg.slice(figureStart, svg.indexOf('>', figureStart));
	const y = Number(/\sy="([\d.]+)"/.exec(figureTag)?.[1] ?? 0);
	const figureHeight = Number(/\sheight="([\d.]+)"/.exec(figureTag)?.[1] ?? 0);
	const height = Math.round((y + figureHeight + 16) * 100) / 100;
	return (
		svg
			.slice(0, figureClose + '</svg>'.length)
			.replace(/^(<svg[^>]* )height="[\d.]+" viewBox="0 0 ([\d.]+) [\d.]+"/, `$1height="${height}" viewBox="0 0 $2 ${height}"`)
			.replace(/(<rect width="[\d.]+" height=")[\d.]+(" fill="#ffffff"\/>)/, `$1${height}$2`) + '</svg>\n'
	);
}

/** The bare figure centred on a 16:9 white page, scaled to fit. */
export function deckImageSvg(chart: LoadedChart): string {
	const inner = bareChartSvg(chart, DECK_IMAGE.layoutWidth - 32);
	const [, w, h] = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(inner) ?? [];
	const width = Number(w);
	const height = Number(h);
	const pageWidth = DECK_IMAGE.layoutWidth;
	const pageHeight = (DECK_IMAGE.layoutWidth * DECK_IMAGE.height) / DECK_IMAGE.width;
	const scale = Math.min(pageWidth / width, pageHeight / height);
	const round = (n: number) => Math.round(n * 100) / 100;
	const x = round((pageWidth - width * scale) / 2);
	const top = round((pageHeight - height * scale) / 2);
	const nested = inner
		.replace(/^<svg /, `<svg x="${x}" y="${top}" `)
		.replace(/ width="[\d.]+" height="[\d.]+"/, ` width="${round(width * scale)}" height="${round(height * scale)}"`);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${pageWidth}" height="${pageHeight}" viewBox="0 0 ${pageWidth} ${pageHeight}">` +
		`<rect width="${pageWidth}" height="${pageHeight}" fill="#ffffff"/>${nested.trimEnd()}</svg>\n`
	);
}

/** The slide image as PNG bytes (1920×1080). */
export async function deckImage(chart: LoadedChart): Promise<Buffer> {
	const image = await renderAsync(deckImageSvg(chart), {
		fitTo: { mode: 'width', value: DECK_IMAGE.width },
		background: '#ffffff',
		font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
		logLevel: 'off'
	});
	return image.asPng();
}
