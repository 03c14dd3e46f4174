import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportedMedia, SkippedItem } from '../core/deck/imported.ts';
import { mediaProblem, sniffMime } from '../core/media/mime.ts';
import type { Database } from './client.ts';
import { inJsonList } from './json-rows.ts';
import { mediaHash } from './media-store.ts';
import { deckMedia, media } from './schema.ts';

/** One stored deck (by its stored id) and the media files its cards use. */
export interface DeckMediaFiles {
  deckId: string;
  media: readonly ImportedMedia[];
}

export interface DeckMediaResult {
  /** Rows inserted, updated or deleted; 0 when nothing changed. */
  written: number;
  /** Per deck, in order: files stored (or already stored), and files refused with why. */
  decks: { stored: number; rejected: SkippedItem[] }[];
}

const MEDIA_BATCH = 20; // files per insert at most
const MEDIA_BATCH_BYTES = 16 * 1024 * 1024; // and at most this many bytes: a file may be up to 8 MB
const NAME_BATCH = 500;

/** A file to store: its bytes are read again only if its content is not stored yet. */
interface FileToStore {
  file: ImportedMedia;
  mime: string;
  size: number;
}

/**
 * Stores each file once by content (sha256) and maps each deck's file names to it; a name no longer used
 * is unmapped (the content stays: another deck may use it). Files over 8 MB or of no known type are refused.
 * Each file's bytes are read once to be checked and hashed, and once more only when its content is new, a
 * few at a time: an import's media are never all in memory at once (an importer may read them lazily).
 * A dry run counts what it would write and writes nothing.
 */
export async function storeDeckMedia(
  db: Database,
  sets: readonly DeckMediaFiles[],
  options: { dryRun?: boolean } = {},
): Promise<DeckMediaResult> {
  const write = options.dryRun !== true;
  const wanted = new Map<string, { deckId: string; name: string; hash: string }>();
  const files = new Map<string, FileToStore>();
  const decks = sets.map(({ deckId, media: list }) => {
    const result = { stored: 0, rejected: [] as SkippedItem[] };
    for (const file of list) {
      const bytes = file.bytes;
      const mime = sniffMime(bytes);
      const problem = mediaProblem(bytes);
      if (problem || !mime) {
        result.rejected.push({ item: `media ${file.name}`, reason: problem ?? 'unknown type' });
        continue;
      }
      const hash = mediaHash(bytes);
      files.set(hash, { file, mime, size: bytes.length });
      wanted.set(`${deckId}\n${file.name}`, { deckId, name: file.name, hash });
      result.stored++;
    }
    return result;
  });
  let written = 0;
  const hashes = [...files.keys()];
  const known = new Set<string>();
  if (hashes.length > 0) {
    const rows = await db.select({ hash: media.hash }).from(media).where(inJsonList(media.hash, hashes));
    for (const row of rows) known.add(row.hash);
  }
  const missing = hashes.filter((hash) => !known.has(hash));
  written += missing.length;
  if (write) await insertMedia(db, missing, files);
  const deckIds = sets.map((set) => set.deckId);
  const stored =
    deckIds.length === 0 ? [] : await db.select().from(deckMedia).where(inArray(deckMedia.deckId, deckIds));
  const storedByKey = new Map(stored.map((row) => [`${row.deckId}\n${row.name}`, row.hash]));
  const changed = [...wanted].filter(([key, row]) => storedByKey.get(key) !== row.hash).map(([, row]) => row);
  for (let i = 0; write && i < changed.length; i += NAME_BATCH) {
    await db
      .insert(deckMedia)
      .values(changed.slice(i, i + NAME_BATCH))
      .onConflictDoUpdate({ target: [deckMedia.deckId, deckMedia.name], set: { hash: sql`excluded.hash` } });
  }
  written += changed.length;
  for (const row of stored) {
    if (wanted.has(`${row.deckId}\n${row.name}`)) continue;
    if (write)
      await db.delete(deckMedia).where(and(eq(deckMedia.deckId, row.deckId), eq(deckMedia.name, row.name)));
    written++;
  }
  return { written, decks };
}

/** Inserts the new contents in batches bounded in files and bytes, each file's bytes read as its batch goes. */
async function insertMedia(
  db: Database,
  hashes: readonly string[],
  files: ReadonlyMap<string, FileToStore>,
): Promise<void> {
  let batch: (typeof media.$inferInsert)[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length > 0) await db.insert(media).values(batch).onConflictDoNothing();
    batch = [];
    bytes = 0;
  };
  for (const hash of hashes) {
    const found = files.get(hash) as FileToStore;
    if (batch.length >= MEDIA_BATCH || bytes + found.size > MEDIA_BATCH_BYTES) await flush();
    batch.push({ hash, mime: found.mime, size: found.size, bytes: found.file.bytes });
    bytes += found.size;
  }
  await flush();
}
