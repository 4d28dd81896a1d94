/**
 * A multipart/form-data upload streamed to disk with busboy: each file goes to `<dir>/<n>.upload`
 * under a generated name (the client's name is kept as text only). Reading
 * stops at the first limit passed; the caller removes `dir` on any refusal.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { formatDecimal, formatInteger } from '../../domain/format';
import { IntakeError } from './errors';
import type { IntakeLimits } from './limits';
import { formatOf } from './sniff';
import type { Formaat } from './types';

export interface ReceivedFile {
	index: number;
	/** The client's file name, for display. */
	naam: string;
	/** Where it was written: `<dir>/<index>.upload`. */
	path: string;
	formaat: Formaat;
	bytes: number;
}

export interface ReceivedForm {
	files: ReceivedFile[];
	/** Text fields by name, in order (`soort` may come once per file). */
	fields: Map<string, string[]>;
}

const FIELD_NAMES = new Set(['soort', 'bron', 'peildatum', 'illustratief']);
const MAX_FIELD_BYTES = 4096;

const mb = (bytes: number) => formatDecimal(bytes / 1024 / 1024, { digits: 1 });

/** A display name from the client: no directories (some browsers send a path), no control characters, bounded. */
export function displayName(raw: string): string {
	const base = raw.split(/[\\/]/).pop() ?? '';
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
	return clean || 'naamloos';
}

export async function receiveMultipart(request: Request, dir: string, limits: IntakeLimits): Promise<ReceivedForm> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(contentType)) {
		throw new IntakeError(415, 'geen_multipart', 'Lever bestanden aan als multipart/form-data (een formulier met bestandsvelden `bestand`).');
	}
	const length = Number(request.headers.get('content-length') ?? NaN);
	// A body larger than every file at the limit plus the form fields cannot be valid: refuse before reading.
	if (Number.isFinite(length) && length > limits.maxFiles * limits.maxBytesPerFile + 1024 * 1024) {
		throw new IntakeError(413, 'te_groot', `De aanlevering is te groot (${mb(length)} MB); per bestand mag hoogstens ${mb(limits.maxBytesPerFile)} MB, en hoogstens ${limits.maxFiles} bestanden.`);
	}
	if (!request.body) throw new IntakeError(400, 'geen_bestand', 'De aanlevering bevat geen bestanden; kies minstens één bestand (veld `bestand`).');
	mkdirSync(dir, { recursive: true });

	const files: ReceivedFile[] = [];
	const fields = new Map<string, string[]>();
	const source = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			limits: { fileSize: limits.maxBytesPerFile, files: limits.maxFiles, fields: 100, fieldSize: MAX_FIELD_BYTES, parts: limits.maxFiles + 100 }
		});
	} catch {
		throw new IntakeError(400, 'ongeldig_formulier', 'Het formulier kan niet worden gelezen (multipart/form-data zonder geldige boundary).');
	}

	return new Promise<ReceivedForm>((resolve, reject) => {
		let failed = false;
		const writes: Promise<void>[] = [];
		const outs: ReturnType<typeof createWriteStream>[] = [];
		const fail = (error: unknown) => {
			if (failed) return;
			failed = true;
			// Stop reading the request: a refused 200 MB body is not read to its end.
			source.unpipe(parser);
			source.destroy();
			for (const out of outs) out.destroy();
			const refusal = error instanceof IntakeError ? error : new IntakeError(400, 'ongeldig_formulier', 'Het formulier kan niet worden gelezen; probeer de aanlevering opnieuw.');
			// Only when every file is closed: the caller then removes the directory and nothing reappears.
			void Promise.allSettled(writes).then(() => reject(refusal));
		};
		parser.on('file', (name, stream, info) => {
			if (failed || name !== 'bestand') {
				stream.resume();
				return;
			}
			if (!info.filename) {
				stream.resume(); // an empty file input sends a part without a name
				return;
			}
			const naam = displayName(info.filename);
			let formaat: Formaat;
			try {
				formaat = formatOf(naam);
			} catch (error) {
				stream.resume();
				return fail(error);
			}
			const index = files.length;
			const path = join(dir, `${index}.upload`);
			const file: ReceivedFile = { index, naam, path, formaat, bytes: 0 };
			files.push(file);
			const out = createWriteStream(path, { flags: 'wx', highWaterMark: 4 << 20 }); // 16 KB (the default) halves the throughput of a 200 MB upload
			outs.push(out);
			stream.on('data', (chunk: Buffer) => {
				file.bytes += chunk.length;
			});
			stream.on('limit', () => {
				out.destroy();
				fail(new IntakeError(413, 'te_groot', `${naam} is te groot: per bestand mag hoogstens ${mb(limits.maxBytesPerFile)} MB worden aangeleverd.`));
			});
			writes.push(
				new Promise<void>((done, error) => {
					let writeError: unknown = null;
					out.on('error', (e) => (writeError = e));
					out.on('close', () => (writeError && !failed ? error(writeError) : done()));
				})
			);
			stream.pipe(out);
		});
		parser.on('field', (name, value, info) => {
			if (failed || !FIELD_NAMES.has(name)) return;
			if (info.valueTruncated) return fail(new IntakeError(400, 'ongeldig_veld', `Het veld ${name} is te lang (hoogstens ${formatInteger(MAX_FIELD_BYTES)} tekens).`));
			fields.set(name, [...(fields.get(name) ?? []), value]);
		});
		parser.on('filesLimit', () => fail(new IntakeError(413, 'te_veel_bestanden', `Te veel bestanden: lever hoogstens ${limits.maxFiles} bestanden tegelijk aan.`)));
		parser.on('fieldsLimit', () => fail(new IntakeError(400, 'ongeldig_formulier', 'Het formulier heeft te veel velden.')));
		parser.on('partsLimit', () => fail(new IntakeError(400, 'ongeldig_formulier', 'Het formulier heeft te veel onderdelen.')));
		parser.on('error', fail);
		source.on('error', fail);
		parser.on('close', () => {
			if (failed) return;
			Promise.all(writes).then(
				() => (failed ? undefined : resolve({ files, fields })),
				fail
			);
		});
		source.pipe(parser);
	});
}
