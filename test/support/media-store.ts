import { createHash } from 'node:crypto';
import type { MediaStore } from '../../src/core/media/ports.ts';

/** The media table's contract in memory: bytes keyed by their SHA-256 (tests and the benchmark). */
export class MemoryMediaStore implements MediaStore {
  readonly files = new Map<string, { bytes: Uint8Array; mime: string }>();

  async putMedia(bytes: Uint8Array, mime: string): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.files.set(hash, { bytes, mime });
    return hash;
  }

  async getMedia(hash: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
    return this.files.get(hash) ?? null;
  }
}
