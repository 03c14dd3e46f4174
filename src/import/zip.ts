import { MnemoError } from '../core/errors.ts';
import { formatBytes, IMPORT_LIMITS } from './limits.ts';
import { inflateBounded } from './unpack.ts';

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes and may carry a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive declares; never trusted past it. */
  size: number;
  headerOffset: number;
}

const invalid = (where: string, what: string) => new MnemoError('DECK_INVALID', `${where}: ${what}`);

/**
 * A zip read from memory: the central directory is read at once, each entry is unpacked only when asked for.
 * Declared sizes are checked against the import limits before anything is unpacked.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    /** The archive's name in messages. */
    readonly source: string,
  ) {}

  static open(bytes: Uint8Array, source: string): ZipArchive {
    const zip = new ZipArchive(bytes, source);
    zip.readDirectory();
    let total = 0;
    for (const entry of zip.entries.values()) total += entry.size;
    if (total > IMPORT_LIMITS.totalBytes) {
      throw invalid(
        source,
        `unpacks to ${formatBytes(total)}, more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may hold: refused`,
      );
    }
    return zip;
  }

  /** True when the bytes start like a zip (a local header, or an empty archive's end record). */
  static looksLikeZip(bytes: Uint8Array): boolean {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return bytes.length >= 4 && [LOCAL_HEADER, END_OF_DIRECTORY].includes(view.getUint32(0, true));
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** The entry's bytes; fails when it is missing, corrupt, or unpacks to more than it declares. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw invalid(this.source, `"${name}" is missing from the archive`);
    const where = `${this.source}: ${name}`;
    const view = this.view();
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw invalid(where, 'the archive is damaged (no file header where the directory points)');
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw invalid(where, 'the archive is truncated');
    const data = this.bytes.subarray(start, end);
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.size)
        throw invalid(where, 'stored size does not match its declared size');
      return data;
    }
    if (entry.method !== DEFLATED)
      throw invalid(where, `compression method ${entry.method} is not supported`);
    const out = inflateBounded(data, entry.size, where);
    if (out.length !== entry.size) {
      throw invalid(
        where,
        `unpacks to ${out.length} bytes where the archive declares ${entry.size}: damaged`,
      );
    }
    return out;
  }

  private view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  private readDirectory(): void {
    const { bytes, source } = this;
    const view = this.view();
    let end = -1;
    for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - END_SEARCH; at--) {
      if (view.getUint32(at, true) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) {
      throw invalid(
        source,
        ZipArchive.looksLikeZip(bytes)
          ? 'the zip archive is truncated (its directory at the end is missing)'
          : 'not a zip archive (an Anki package or CrowdAnki export is a zip file)',
      );
    }
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if (
      (count === 0xffff || offset === 0xffffffff) &&
      end >= 20 &&
      view.getUint32(end - 20, true) === ZIP64_LOCATOR
    ) {
      const zip64 = readUint64(view, end - 12);
      if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_END) {
        throw invalid(source, 'the zip64 directory record is damaged');
      }
      count = readUint64(view, zip64 + 32);
      offset = readUint64(view, zip64 + 48);
    }
    if (count > IMPORT_LIMITS.entries) {
      throw invalid(
        source,
        `holds ${count} files, more than the ${IMPORT_LIMITS.entries} an import may hold`,
      );
    }
    const decoder = new TextDecoder();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
        throw invalid(source, 'the zip directory is damaged or truncated');
      }
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const nameEnd = at + 46 + nameLength;
      if (nameEnd + extraLength > bytes.length) throw invalid(source, 'the zip directory is truncated');
      const entry: ZipEntry = {
        name: decoder.decode(bytes.subarray(at + 46, nameEnd)),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        headerOffset: view.getUint32(at + 42, true),
      };
      readZip64Extra(view, nameEnd, extraLength, entry);
      if ((view.getUint16(at + 8, true) & 0x0001) !== 0) {
        throw invalid(source, `"${entry.name}" is encrypted: export the deck again without a password`);
      }
      if (!entry.name.endsWith('/')) this.entries.set(entry.name, entry);
      at = nameEnd + extraLength + commentLength;
    }
  }
}

function readUint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

/** Sizes and offsets too big for 32 bits are in the zip64 extra field, in this order, only when saturated. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'headerOffset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + size) {
          entry[key] = readUint64(view, field);
          field += 8;
        }
      }
    }
    at += 4 + size;
  }
}
