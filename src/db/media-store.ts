import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { MnemoError } from '../core/errors.ts';
import { type MediaMime, mediaProblem, sniffMime } from '../core/media/mime.ts';
import type { Database } from './client.ts';
import { media } from './schema.ts';

export interface StoredMedia {
  hash: string;
  mime: MediaMime;
  bytes: Uint8Array;
}

/** The key media is stored under: sha256 of the bytes, in hex. */
export const mediaHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Pictures and sound in PostgreSQL, once per content, shared by every replica. */
export class MediaStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Stores the bytes (a no-op when the same content is stored) and returns their hash. Throws when the
   * bytes are over 8 MB, of no known type, or not of the type `mime` claims: callers check first.
   */
  async putMedia(bytes: Uint8Array, mime: MediaMime): Promise<string> {
    const problem = mediaProblem(bytes) ?? (sniffMime(bytes) === mime ? null : `the bytes are not ${mime}`);
    if (problem) throw new MnemoError('DECK_INVALID', `media: ${problem}`);
    const hash = mediaHash(bytes);
    await this.#db.insert(media).values({ hash, mime, size: bytes.length, bytes }).onConflictDoNothing();
    return hash;
  }

  async getMedia(hash: string): Promise<StoredMedia | null> {
    const [row] = await this.#db.select().from(media).where(eq(media.hash, hash));
    return row ? { hash: row.hash, mime: row.mime as MediaMime, bytes: new Uint8Array(row.bytes) } : null;
  }
}
