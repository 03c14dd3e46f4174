import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { MnemoError } from '../core/errors.ts';
import { type MediaMime, mediaProblem, sniffMime } from '../core/media/mime.ts';
import type { DeckFiles, MediaStore as MediaPort, StoredFile } from '../core/media/ports.ts';
import type { Database } from './client.ts';
import { deckMedia, media, renderedMedia } from './schema.ts';

export interface StoredMedia {
  hash: string;
  mime: MediaMime;
  bytes: Uint8Array;
}

/** The key media is stored under: sha256 of the bytes, in hex. */
export const mediaHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Pictures and sound in PostgreSQL, once per content, shared by every replica. */
export class MediaStore implements MediaPort, DeckFiles {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Stores the bytes (a no-op when the same content is stored) and returns their hash; with `source`, what
   * they were made from, for `rendered`. Throws when the bytes are over 8 MB, of no known type, or not of
   * the type `mime` claims: callers check first.
   */
  async putMedia(bytes: Uint8Array, mime: string, source?: string): Promise<string> {
    const problem = mediaProblem(bytes) ?? (sniffMime(bytes) === mime ? null : `the bytes are not ${mime}`);
    if (problem) throw new MnemoError('DECK_INVALID', `media: ${problem}`);
    const hash = mediaHash(bytes);
    await this.#db.insert(media).values({ hash, mime, size: bytes.length, bytes }).onConflictDoNothing();
    if (source !== undefined)
      await this.#db.insert(renderedMedia).values({ source, hash }).onConflictDoNothing();
    return hash;
  }

  async getMedia(hash: string): Promise<StoredMedia | null> {
    const [row] = await this.#db.select().from(media).where(eq(media.hash, hash));
    return row ? { hash: row.hash, mime: row.mime as MediaMime, bytes: new Uint8Array(row.bytes) } : null;
  }

  async rendered(source: string): Promise<StoredMedia | null> {
    const [row] = await this.#db
      .select({ hash: media.hash, mime: media.mime, bytes: media.bytes })
      .from(renderedMedia)
      .innerJoin(media, eq(media.hash, renderedMedia.hash))
      .where(eq(renderedMedia.source, source));
    return row ? { hash: row.hash, mime: row.mime as MediaMime, bytes: new Uint8Array(row.bytes) } : null;
  }

  async deckFiles(deckId: string, names: readonly string[]): Promise<Map<string, StoredFile>> {
    if (names.length === 0) return new Map();
    const rows = await this.#db
      .select({ name: deckMedia.name, mime: media.mime, bytes: media.bytes })
      .from(deckMedia)
      .innerJoin(media, eq(media.hash, deckMedia.hash))
      .where(and(eq(deckMedia.deckId, deckId), inArray(deckMedia.name, [...names])));
    return new Map(rows.map((row) => [row.name, { mime: row.mime, bytes: new Uint8Array(row.bytes) }]));
  }
}
