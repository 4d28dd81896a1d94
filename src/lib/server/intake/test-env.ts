/**
 * For the intake tests: a temporary app directory, store, exports and reports (env-driven, as
 * the server reads them), built from tests/fixtures/store-small by the real ingest, and
 * multipart requests built like a browser's form post.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Gebruiker } from '../../auth/roles';
import { closeAppDb, useAppDb } from '../app/db';
import type { StorePaths } from '../db/layout';
import { runIngest } from '../ingest';
import { treeHash as sharedTreeHash } from '../../../../tests/helpers/exports-dir';

export const SMALL = resolve(import.meta.dirname, '../../../../tests/fixtures/store-small');

export const AANLEVERAAR: Gebruiker = { id: 1, naam: 'anna', rol: 'aanleverder', bron: 'lokaal' };
export const BEHEERDER: Gebruiker = { id: 2, naam: 'bert', rol: 'beheerder', bron: 'lokaal' };

export interface IntakeEnv extends StorePaths {
	root: string;
	app: string;
	cleanup(): void;
}

/** Point REGIO_* at fresh temp dirs and build the store from the fixture exports. */
export async function intakeEnv({ ingest = true }: { ingest?: boolean } = {}): Promise<IntakeEnv> {
	const root = mkdtempSync(join(tmpdir(), 'regio-intake-'));
	const env = { root, app: join(root, 'app'), store: join(root, 'store'), exports: join(root, 'exports'), reports: join(root, 'reports') };
	cpSync(SMALL, env.exports, { recursive: true });
	rmSync(join(env.exports, 'README.md'), { force: true });
	process.env.REGIO_APP_DIR = env.app;
	process.env.REGIO_STORE_DIR = env.store;
	process.env.REGIO_EXPORTS_DIR = env.exports;
	process.env.REGIO_REPORTS_DIR = env.reports;
	useAppDb(env.app);
	if (ingest) {
		const report = await runIngest({ paths: env });
		if (!report.ok) throw new Error(report.errors.map((e) => e.melding).join('\n'));
	}
	return {
		...env,
		cleanup: () => {
			closeAppDb();
			rmSync(root, { recursive: true, force: true });
		}
	};
}

export interface Part {
	naam: string;
	inhoud: Uint8Array | string;
}

/** A multipart/form-data POST as a browser sends it (FormData picks the boundary). */
export function uploadRequest(files: Part[], fields: Record<string, string | string[]> = {}): Request {
	const form = new FormData();
	for (const f of files) form.append('bestand', new File([typeof f.inhoud === 'string' ? f.inhoud : Buffer.from(f.inhoud)], f.naam));
	for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
	return new Request('http://localhost/api/aanleveringen', { method: 'POST', body: form });
}

/** The shared tree hash (tests/helpers/exports-dir.ts), 'leeg' for a missing directory. */
export function treeHash(dir: string): string {
	return existsSync(dir) ? sharedTreeHash(dir) : 'leeg';
}

/** Every file below dir, relative (for "nothing written" checks). */
export function filesBelow(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(relative(dir, p));
		}
	};
	try {
		walk(dir);
	} catch {
		/* missing */
	}
	return out;
}

/**
 * A multipart body generated part by part as the reader pulls it (file contents from disk or
 * made on the fly), so a test or bench can send hundreds of MB without holding them, and can
 * count how much of the body was read.
 */
export function streamedUpload(parts: { naam: string; bytes: () => AsyncIterable<Uint8Array> }[], fields: Record<string, string> = {}): { request: Request; pulled: () => number } {
	const boundary = `----regio${Math.random().toString(16).slice(2)}`;
	let pulled = 0;
	async function* body(): AsyncGenerator<Uint8Array> {
		const enc = new TextEncoder();
		for (const [name, value] of Object.entries(fields)) yield enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
		for (const part of parts) {
			yield enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${part.naam}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
			for await (const chunk of part.bytes()) yield chunk;
			yield enc.encode('\r\n');
		}
		yield enc.encode(`--${boundary}--\r\n`);
	}
	const iterator = body();
	const stream = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { value, done } = await iterator.next();
			if (done) controller.close();
			else {
				pulled += value.length;
				controller.enqueue(value);
			}
		}
	});
	const request = new Request('http://localhost/api/aanleveringen', { method: 'POST', body: stream, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, duplex: 'half' } as RequestInit);
	return { request, pulled: () => pulled };
}
