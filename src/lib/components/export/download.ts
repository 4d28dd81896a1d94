/**
 * A download the server takes a while to build (a deck of many charts): fetched, so the page
 * can show what is happening, then handed to the browser as a file. Pure of Svelte; the
 * component (DeckDownload.svelte) turns the states into a visible and announced progress.
 */

export type DownloadState =
	| { phase: 'bouwen' }
	| { phase: 'downloaden'; received: number; total: number | null }
	| { phase: 'klaar'; fileName: string; bytes: number }
	| { phase: 'fout'; message: string };

/** The file name of a Content-Disposition header (`attachment; filename="x.pptx"`), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
	const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '');
	if (star) {
		try {
			return decodeURIComponent(star[1].trim());
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '');
	return plain ? plain[1].trim() : fallback;
}

/** The Dutch message of a refused download: SvelteKit's JSON error body, else the status. */
async function refusal(response: Response): Promise<string> {
	try {
		const body = (await response.json()) as { message?: unknown };
		if (typeof body.message === 'string' && body.message.trim()) return body.message;
	} catch {
		// not JSON
	}
	return `De server antwoordde met status ${response.status}.`;
}

/**
 * Fetch `href`, reporting each phase to `onState`, and return the file (or null after an error,
 * which `onState` got as phase 'fout'). The server builds the whole deck before it answers, so
 * 'bouwen' has no fraction; 'downloaden' has one when the server sends Content-Length.
 */
export async function fetchDownload(
	href: string,
	{ onState, fallbackName, fetch: fetchFn = fetch, signal }: { onState: (state: DownloadState) => void; fallbackName: string; fetch?: typeof fetch; signal?: AbortSignal }
): Promise<{ blob: Blob; fileName: string } | null> {
	onState({ phase: 'bouwen' });
	let response: Response;
	try {
		// JSON errors: SvelteKit answers error() with {message} when the client asks for JSON.
		response = await fetchFn(href, { headers: { accept: 'application/json, */*;q=0.1' }, signal });
	} catch {
		onState({ phase: 'fout', message: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.' });
		return null;
	}
	if (!response.ok) {
		onState({ phase: 'fout', message: await refusal(response) });
		return null;
	}
	const length = Number(response.headers.get('content-length'));
	const total = Number.isFinite(length) && length > 0 ? length : null;
	const type = response.headers.get('content-type') ?? 'application/octet-stream';
	const chunks: Uint8Array[] = [];
	let received = 0;
	onState({ phase: 'downloaden', received, total });
	try {
		const reader = response.body?.getReader();
		if (reader) {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				chunks.push(value);
				received += value.byteLength;
				onState({ phase: 'downloaden', received, total });
			}
		} else {
			const buffer = new Uint8Array(await response.arrayBuffer());
			chunks.push(buffer);
			received = buffer.byteLength;
		}
	} catch {
		onState({ phase: 'fout', message: 'Het downloaden is onderbroken. Probeer het opnieuw.' });
		return null;
	}
	const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
	onState({ phase: 'klaar', fileName, bytes: received });
	return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
}

/** Hand a fetched file to the browser's downloads, as a click on a link with `download` would. */
export function saveFile(blob: Blob, fileName: string): void {
	const href = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = href;
	a.download = fileName;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	// Some browsers read the blob after the click returns.
	setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
