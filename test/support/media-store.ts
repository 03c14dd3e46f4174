import { createHash } from 'node:crypto';
import type { MediaStore, StoredFile } from '../../src/core/media/ports.ts';

/** The media table's contract in memory: bytes keyed by their SHA-256 (tests and the benchmark). */
export class MemoryMediaStore implements MediaStore {
  readonly files = new Map<string, StoredFile>();
  readonly #sources = new Map<string, string>();

  async putMedia(bytes: Uint8Array, mime: string, source?: string): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.files.set(hash, { bytes, mime });
    if (source !== undefined) this.#sources.set(source, hash);
    return hash;
  }

  async getMedia(hash: string): Promise<StoredFile | null> {
    return this.files.get(hash) ?? null;
  }

  async rendered(source: string): Promise<(StoredFile & { hash: string }) | null> {
    const hash = this.#sources.get(source);
    const file = hash === undefined ? undefined : this.files.get(hash);
    return hash !== undefined && file ? { ...file, hash } : null;
  }
}
