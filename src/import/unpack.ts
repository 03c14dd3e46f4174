import { Inflate } from 'fflate';
import { Decompress } from 'fzstd';
import { MnemoError } from '../core/errors.ts';
import { formatBytes } from './limits.ts';

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;
/** Small pushes keep one call's output small: a hostile stream cannot inflate far past the limit before it is seen. */
const DEFLATE_CHUNK = 16 * 1024;
const ZSTD_CHUNK = 1024;

export const isZstd = (bytes: Uint8Array): boolean => ZSTD_MAGIC.every((byte, i) => bytes[i] === byte);

/** A decompressor's output, refused as soon as it grows past `limit` bytes. */
class BoundedOutput {
  private readonly chunks: Uint8Array[] = [];
  size = 0;

  constructor(
    private readonly limit: number,
    private readonly where: string,
  ) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      throw new MnemoError(
        'DECK_INVALID',
        `${this.where}: unpacks to more than ${formatBytes(this.limit)} (more than it declares, or past the limit): refused`,
      );
    }
    if (chunk.length > 0) this.chunks.push(chunk.slice());
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1 && this.chunks[0]) return this.chunks[0];
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function feed(
  input: Uint8Array,
  chunkSize: number,
  push: (chunk: Uint8Array, final: boolean) => void,
  where: string,
  format: string,
): void {
  try {
    if (input.length === 0) push(input, true);
    for (let at = 0; at < input.length; at += chunkSize) {
      push(input.subarray(at, at + chunkSize), at + chunkSize >= input.length);
    }
  } catch (error) {
    if (error instanceof MnemoError) throw error;
    throw new MnemoError('DECK_INVALID', `${where}: the ${format} data is corrupt`, { cause: error });
  }
}

/** Inflates raw DEFLATE data, stopping as soon as the output passes `limit` bytes. */
export function inflateBounded(input: Uint8Array, limit: number, where: string): Uint8Array {
  const output = new BoundedOutput(limit, where);
  const inflater = new Inflate((chunk) => output.add(chunk));
  feed(input, DEFLATE_CHUNK, (chunk, final) => inflater.push(chunk, final), where, 'compressed');
  return output.bytes();
}

/** Decompresses a zstd stream, stopping as soon as the output passes `limit` bytes. */
export function unzstdBounded(input: Uint8Array, limit: number, where: string): Uint8Array {
  const output = new BoundedOutput(limit, where);
  let ended = false;
  const decompressor = new Decompress((chunk, final) => {
    output.add(chunk);
    if (final) ended = true;
  });
  feed(input, ZSTD_CHUNK, (chunk, final) => decompressor.push(chunk, final), where, 'zstd');
  if (!ended && output.size === 0)
    throw new MnemoError('DECK_INVALID', `${where}: the zstd data is truncated`);
  return output.bytes();
}
