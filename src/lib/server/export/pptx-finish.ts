/**
 * The last pass over a deck pptxgenjs wrote: what PowerPoint needs to show it as laid out and
 * to proof it in Dutch, which pptxgenjs does not write itself.
 *
 * - Every run, paragraph end and default run property of every slide, layout, master and
 *   notes page is tagged `nl-NL` (pptxgenjs hard-codes `en-US` in notes, masters and paragraph
 *   ends, and PowerPoint then underlines all Dutch text as misspelt).
 * - Every one of them names the font: Source Sans 3, with its PANOSE classification (from the
 *   TTF's OS/2 table) and pitch family, so a PowerPoint without the font substitutes the
 *   closest sans-serif it has instead of its default; the themes' heading and body fonts are
 *   Source Sans 3 too. A run without a font would take the theme's, and a notes page's theme
 *   is Calibri.
 * - Speaker notes become one paragraph a line (pptxgenjs writes one run with raw line feeds).
 */
import JSZip from 'jszip';
import { FONT_FAMILY } from './fonts';
import { panose } from './font-metrics';
import { escapeXml } from './svg';

export const DECK_LANG = 'nl-NL';

/** The parts with text: slides, their layouts and masters, notes pages and their master. */
const TEXT_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/;
const THEME_PART = /^ppt\/theme\/[^/]+\.xml$/;

function fontXml(): string {
	const family = escapeXml(FONT_FAMILY);
	const p = panose();
	return (
		`<a:latin typeface="${family}" panose="${p}" pitchFamily="34" charset="0"/>` +
		`<a:ea typeface="${family}" panose="${p}" pitchFamily="34" charset="0"/>` +
		`<a:cs typeface="${family}" panose="${p}" pitchFamily="34" charset="0"/>`
	);
}

/** Children of a:rPr that come after the fonts (ECMA-376 CT_TextCharacterProperties). */
const AFTER_FONTS = /<a:(sym|hlinkClick|hlinkMouseOver|rtl|extLst)\b/;

/** Tag the run properties `nl-NL` and give each the font. */
export function dutchRuns(xml: string): string {
	const fonts = fontXml();
	return xml.replace(/<(a:rPr|a:endParaRPr|a:defRPr)(\s[^>]*?)?(\/>|>([\s\S]*?)<\/\1>)/g, (_all, tag: string, rawAttrs: string | undefined, _end, inner: string | undefined) => {
		let attrs = (rawAttrs ?? '').replace(/\s(lang|altLang)="[^"]*"/g, '');
		attrs = ` lang="${DECK_LANG}"${attrs}`;
		let body = (inner ?? '').replace(/<a:(latin|ea|cs)\b[^>]*\/>/g, '');
		const at = body.search(AFTER_FONTS);
		body = at < 0 ? body + fonts : body.slice(0, at) + fonts + body.slice(at);
		return `<${tag}${attrs}>${body}</${tag}>`;
	});
}

/** A notes page's single run with line feeds → one paragraph a line (empty lines stay empty paragraphs). */
export function notesParagraphs(xml: string): string {
	return xml.replace(/<a:p><a:r>(<a:rPr[^>]*\/>)<a:t>([\s\S]*?)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)<\/a:p>/, (_all, rPr: string, text: string, end: string) =>
		text
			.split(/\r?\n/)
			.map((line) => (line ? `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r>${end}</a:p>` : `<a:p>${end}</a:p>`))
			.join('')
	);
}

/** The themes' heading and body fonts: Source Sans 3 (Latin), so a new text box starts in it too. */
export function themeFonts(xml: string): string {
	const family = escapeXml(FONT_FAMILY);
	return xml.replace(/(<a:(?:majorFont|minorFont)>\s*)<a:latin\b[^>]*\/>/g, `$1<a:latin typeface="${family}" panose="${panose()}"/>`);
}

/** The deck with every run Dutch and in the named font, notes as paragraphs. */
export async function finishPptx(body: Buffer): Promise<Buffer> {
	const zip = await JSZip.loadAsync(body);
	for (const name of Object.keys(zip.files)) {
		const isText = TEXT_PART.test(name);
		if (!isText && !THEME_PART.test(name)) continue;
		let xml = await zip.file(name)!.async('string');
		if (name.startsWith('ppt/notesSlides/')) xml = notesParagraphs(xml);
		xml = isText ? dutchRuns(xml) : themeFonts(xml);
		zip.file(name, xml);
	}
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
