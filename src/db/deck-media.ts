import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportedMedia, SkippedItem } from '../core/deck/imported.ts';
import { mediaProblem, sniffMime } from '../core/media/mime.ts';
import type { Database } from './client.ts';
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

const MEDIA_BATCH = 20; // files per insert: each may be up to 8 MB
const NAME_BATCH = 500;

/**
 * Stores each file once by content (sha256) and maps each deck's file names to it; a name no longer used
 * is unmapped (the content stays: another deck may use it). Files over 8 MB or of no known type are refused.
 */
export async function storeDeckMedia(
  db: Database,
  sets: readonly DeckMediaFiles[],
): Promise<DeckMediaResult> {
  const wanted = new Map<string, { deckId: string; name: string; hash: string }>();
  const files = new Map<string, { mime: string; bytes: Uint8Array }>();
  const decks = sets.map(({ deckId, media: list }) => {
    const result = { stored: 0, rejected: [] as SkippedItem[] };
    for (const file of list) {
      const mime = sniffMime(file.bytes);
      const problem = mediaProblem(file.bytes);
      if (problem || !mime) {
        result.rejected.push({ item: `media ${file.name}`, reason: problem ?? 'unknown type' });
        continue;
      }
      const hash = mediaHash(file.bytes);
      files.set(hash, { mime, bytes: file.bytes });
      wanted.set(`${deckId}\n${file.name}`, { deckId, name: file.name, hash });
      result.stored++;
    }
    return result;
  });
  let written = 0;
  const hashes = [...files.keys()];
  const known = new Set<string>();
  for (let i = 0; i < hashes.length; i += NAME_BATCH) {
    const rows = await db
      .select({ hash: media.hash })
      .from(media)
      .where(inArray(media.hash, hashes.slice(i, i + NAME_BATCH)));
    for (const row of rows) known.add(row.hash);
  }
  const missing = hashes.filter((hash) => !known.has(hash));
  for (let i = 0; i < missing.length; i += MEDIA_BATCH) {
    const values = missing.slice(i, i + MEDIA_BATCH).map((hash) => {
      const file = files.get(hash) as { mime: string; bytes: Uint8Array };
      return { hash, mime: file.mime, size: file.bytes.length, bytes: file.bytes };
    });
    await db.insert(media).values(values).onConflictDoNothing();
    written += values.length;
  }
  const deckIds = sets.map((set) => set.deckId);
  const stored =
    deckIds.length === 0 ? [] : await db.select().from(deckMedia).where(inArray(deckMedia.deckId, deckIds));
  const storedByKey = new Map(stored.map((row) => [`${row.deckId}\n${row.name}`, row.hash]));
  const changed = [...wanted].filter(([key, row]) => storedByKey.get(key) !== row.hash).map(([, row]) => row);
  for (let i = 0; i < changed.length; i += NAME_BATCH) {
    await db
      .insert(deckMedia)
      .values(changed.slice(i, i + NAME_BATCH))
      .onConflictDoUpdate({ target: [deckMedia.deckId, deckMedia.name], set: { hash: sql`excluded.hash` } });
  }
  written += changed.length;
  for (const row of stored) {
    if (wanted.has(`${row.deckId}\n${row.name}`)) continue;
    await db.delete(deckMedia).where(and(eq(deckMedia.deckId, row.deckId), eq(deckMedia.name, row.name)));
    written++;
  }
  return { written, decks };
}
