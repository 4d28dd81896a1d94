/**
 * A chart as a downloadable file: GET /charts/<id>.<svg|png|csv|xlsx>?<filters> and the
 * notebooks' GET /charts/notebook/<slug>/<chart>.<ext>?<parameters>. Unknown chart or format →
 * 404, an invalid filter → 400 with the view's Dutch message, never a 500.
 */
import { error } from '@sveltejs/kit';
import { FilterError } from '$lib/filters';
import { loadChart, type LoadedChart } from '$lib/server/charts';
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

	let chart: LoadedChart;
	try {
		chart = await loadChart(id, url);
	} catch (e) {
		if (e instanceof FilterError) error(400, { message: e.message });
		throw e;
	}
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
