/**
 * The archive of export sets: every export file ever published or replaced, by sha256
 * (`archief/bestanden/<sha256>`), and per snapshot the set it was built from
 * (`archief/snapshots/<snapshotId>.json`: manifest and files → sha256, and the pointer), so a
 * roll back can restore `data/exports` byte for byte and `npm start` then sees "ongewijzigd".
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, constants as fsConstants } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, pointerSchema, writeFileAtomic } from '../db/layout';
import { MANIFEST_FILE, isExportFile } from '../ingest/sources';

export const archivedFileSchema = z.object({ bestand: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });
export type ArchivedFile = z.infer<typeof archivedFileSchema>;

export const listingSchema = z.object({
	snapshotId: z.string().regex(/^[A-Za-z0-9_-]+$/),
	pointer: pointerSchema,
	manifest: archivedFileSchema,
	bestanden: z.array(archivedFileSchema),
	gearchiveerd: z.string()
});
export type ArchiveListing = z.infer<typeof listingSchema>;

const SHA = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_-]+$/;

export const archivedPath = (root: string, sha256: string) => join(root, 'bestanden', sha256);
const listingPath = (root: string, snapshotId: string) => join(root, 'snapshots', `${snapshotId}.json`);

/**
 * Put one file in the archive under its sha256 (once). `immutable` sources (our own staged
 * uploads) are hard-linked; files from data/exports are copied, since someone may later edit
 * them in place.
 */
export function archiveFile(root: string, source: string, sha256: string, { immutable = false } = {}): void {
	if (!SHA.test(sha256)) throw new Error(`archiveFile: invalid sha256 ${sha256}`);
	const target = archivedPath(root, sha256);
	if (existsSync(target)) return;
	mkdirSync(join(root, 'bestanden'), { recursive: true });
	const tmp = `${target}.tmp-${process.pid}`;
	rmSync(tmp, { force: true });
	if (immutable) {
		try {
			linkSync(source, tmp);
		} catch {
			copyFileSync(source, tmp, fsConstants.COPYFILE_FICLONE);
		}
	} else copyFileSync(source, tmp, fsConstants.COPYFILE_FICLONE);
	renameSync(tmp, target);
}

export function writeListing(root: string, listing: ArchiveListing): void {
	mkdirSync(join(root, 'snapshots'), { recursive: true });
	writeFileAtomic(listingPath(root, listing.snapshotId), JSON.stringify(listing, null, '\t') + '\n', join(root, 'snapshots'));
}

export function readListing(root: string, snapshotId: string): ArchiveListing | null {
	if (!ID.test(snapshotId)) return null;
	const file = listingPath(root, snapshotId);
	if (!existsSync(file)) return null;
	try {
		const parsed = listingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** Whether the listing and every file it names are in the archive. */
export function isComplete(root: string, listing: ArchiveListing | null): listing is ArchiveListing {
	return !!listing && [listing.manifest, ...listing.bestanden].every((f) => existsSync(archivedPath(root, f.sha256)));
}

/** One file of a target export set and where its bytes come from. */
export interface TargetFile extends ArchivedFile {
	source: string;
	/** The source is a copy made for this purpose: rename it into place instead of copying. */
	move?: boolean;
}

/**
 * Make `exportsDir` hold exactly the target set: files whose bytes differ from what is there
 * (by sha256 in `present`) are written under a temporary dot-name and renamed over, files not
 * in the set are removed, and the manifest comes last, so an ingest in between sees either the
 * old manifest or the complete new set.
 */
export function writeExportSet(exportsDir: string, files: TargetFile[], manifest: TargetFile, present: Map<string, string>): void {
	const wanted = new Set(files.map((f) => f.bestand));
	for (const f of files) {
		if (present.get(f.bestand) === f.sha256) continue;
		const target = join(exportsDir, f.bestand);
		if (f.move) {
			try {
				renameSync(f.source, target);
				continue;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
			}
		}
		const tmp = join(exportsDir, `.${f.bestand}.tmp-${process.pid}`);
		copyFileSync(f.source, tmp, fsConstants.COPYFILE_FICLONE);
		renameSync(tmp, target);
	}
	for (const name of readdirSync(exportsDir)) {
		if (isExportFile(name) && !wanted.has(name)) rmSync(join(exportsDir, name), { force: true });
	}
	if (present.get(MANIFEST_FILE) !== manifest.sha256) {
		const tmp = join(exportsDir, `.${MANIFEST_FILE}.tmp-${process.pid}`);
		copyFileSync(manifest.source, tmp);
		renameSync(tmp, join(exportsDir, MANIFEST_FILE));
	}
	fsyncDir(exportsDir);
}

/**
 * Remove from the archive what no kept snapshot needs: the listings of snapshots no longer in the
 * store (the store keeps its newest few; a roll back can only reach those) and every archived
 * file no remaining listing names. Without this, each national upload would stay on disk for
 * ever. Call it holding the store's ingest lock: a publish archives files before it writes their
 * listing. Returns what was removed.
 */
export function pruneArchive(root: string, kept: ReadonlySet<string>): { listings: number; files: number } {
	const removed = { listings: 0, files: 0 };
	const snapshots = join(root, 'snapshots');
	const files = join(root, 'bestanden');
	if (!existsSync(snapshots)) return removed;
	const needed = new Set<string>();
	for (const name of readdirSync(snapshots)) {
		const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : null;
		if (!id) continue;
		if (!kept.has(id)) {
			rmSync(join(snapshots, name), { force: true });
			removed.listings++;
			continue;
		}
		const listing = readListing(root, id);
		// A listing that cannot be read keeps nothing alive, but is left for a person to look at.
		for (const f of listing ? [listing.manifest, ...listing.bestanden] : []) needed.add(f.sha256);
	}
	if (existsSync(files)) {
		for (const name of readdirSync(files)) {
			if (!SHA.test(name) || needed.has(name)) continue;
			rmSync(join(files, name), { force: true });
			removed.files++;
		}
	}
	if (removed.listings) fsyncDir(snapshots);
	if (removed.files) fsyncDir(files);
	return removed;
}
