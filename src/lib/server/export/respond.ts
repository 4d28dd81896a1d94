/**
 * A chart as a downloadable file: GET /charts/<id>.<svg|png|csv|xlsx>?<filters> and the
 * notebooks' GET /charts/notebook/<slug>/<chart>.<ext>?<parameters>. Unknown chart or format →
 * 404, an invalid filter → 400 with the view's Dutch message, never a 500.
 */
import { error } from '@sveltejs/kit';
import { MAX_CHART_WIDTH, MIN_CHART_WIDTH } from '$lib/charts/text-size';
import { FilterError } from '$lib/filters';
import { loadChart, type LoadedChart } from '$lib/server/charts';
import { renderChart } from '$lib/server/charts/render';
import { snapshotInfo } from '$lib/server/db/queries';
import { exportChart, isExportFormat, EXPORT_FORMATS } from './index';
import { PNG_FORMATEN, type PngFormaat } from './png';

/**
 * The data changes only with an ingest (a few times a year); a few minutes of browser caching
 * spares repeated renders when a user downloads the same chart twice, and is short enough that
 * a new snapshot shows up soon.
 */
const CACHE_CONTROL = 'public, max-age=300';

/** The response for file name `<name>.<ext>` of the chart `<prefix><name>`. */
export async function chartFileResponse(prefix: string, fileName: string, url: URL): Promise<Response> {
	const match = /^(.+)\.([a-z]+)$/.exec(fileName);
	if (!match || !isExportFormat(match[2])) {
		error(404, `Onbekend bestand '${fileName.slice(0, 80)}'. Gebruik /charts/<id>.<formaat> met formaat ${EXPORT_FORMATS.join(', ')}.`);
	}
	const [, name, format] = match as unknown as [string, string, (typeof EXPORT_FORMATS)[number]];
	const id = prefix + name;
	const formaat = parseFormaat(url);
	const breedte = parseBreedte(url);
	const deel = parseDeel(url, format);

	let chart: LoadedChart;
	try {
		chart = await loadChart(id, url);
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
	if (breedte !== undefined) chart = { ...chart, width: breedte };
	if (deel === 'grafiek') return pageChartResponse(chart);
	// The workbook carries the snapshot's date, not the clock's: same snapshot, same bytes.
	const snapshotDate = format === 'xlsx' ? new Date(`${(await snapshotInfo()).created_at}Z`) : undefined;
	const file = await exportChart(chart, format, { formaat, snapshotDate });
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'content-length': String(file.body.byteLength),
			'cache-control': CACHE_CONTROL
		}
	});
}

/**
 * `deel=grafiek`: the chart alone, as the page embeds it (ChartFrame's SVG, with its accessible
 * name and description link; title, legend and source line are the frame's), for the page to
 * swap in the chart drawn for a narrow box. Shown inline, not downloaded.
 */
function pageChartResponse(chart: LoadedChart): Response {
	const { svg } = renderChart(chart.definition, chart.rows, { title: chart.meta.title, width: chart.width });
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': CACHE_CONTROL } });
}

/** The one value of an export parameter, or undefined; twice is a Dutch 400. */
function single(url: URL, name: string): string | undefined {
	const values = url.searchParams.getAll(name).filter((v) => v !== '');
	if (values.length > 1) error(400, { message: `Parameter '${name}' mag maar één keer voorkomen.` });
	return values[0];
}

/**
 * `breedte`: the layout width to draw the chart for, in CSS pixels (the page asks for its box's
 * width on a narrow screen, so the text is not scaled down); a whole number, clamped to what a
 * chart can be drawn at. Default: the view's width.
 */
function parseBreedte(url: URL): number | undefined {
	const value = single(url, 'breedte');
	if (value === undefined) return undefined;
	if (!/^\d{1,5}$/.test(value)) {
		error(400, { message: `Ongeldige waarde voor parameter 'breedte': '${value.slice(0, 60)}'. Toegestaan: een geheel getal (pixels), van ${MIN_CHART_WIDTH} t/m ${MAX_CHART_WIDTH}.` });
	}
	return Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, Number(value)));
}

/** `deel=grafiek` (only for svg): the chart without the image's title and source line, as the page shows it. */
function parseDeel(url: URL, format: string): 'grafiek' | undefined {
	const value = single(url, 'deel');
	if (value === undefined) return undefined;
	if (value !== 'grafiek') error(400, { message: `Ongeldige waarde voor parameter 'deel': '${value.slice(0, 60)}'. Toegestaan: grafiek.` });
	if (format !== 'svg') error(400, { message: "Parameter 'deel=grafiek' geldt alleen voor .svg." });
	return value;
}

/** `formaat` is the export's own parameter (the views ignore it): only '16x9' exists. */
function parseFormaat(url: URL): PngFormaat | undefined {
	const values = url.searchParams.getAll('formaat').filter((v) => v !== '');
	if (values.length === 0) return undefined;
	if (values.length > 1) error(400, { message: "Parameter 'formaat' mag maar één keer voorkomen." });
	const [value] = values;
	if (!(PNG_FORMATEN as readonly string[]).includes(value)) {
		error(400, { message: `Ongeldige waarde voor parameter 'formaat': '${value.slice(0, 60)}'. Toegestaan: een van: ${PNG_FORMATEN.join(', ')}.` });
	}
	return value as PngFormaat;
}
