import type { ImportedDeck } from '../../core/deck/imported.ts';
import { MnemoError } from '../../core/errors.ts';
import { type AssembleOptions, assembleDecks, type MediaSource } from '../assemble.ts';
import { formatBytes, IMPORT_LIMITS } from '../limits.ts';
import { isZstd, unzstdBounded } from '../unpack.ts';
import { ZipArchive } from '../zip.ts';
import { readCollection, sqliteError } from './collection.ts';
import { numberField, readMessage, stringField } from './protobuf.ts';
import { type Database, openSqlite } from './sqlite.ts';

export interface AnkiReadOptions {
  /** The deck id when the package gives a single deck; with several, their ids start with it. */
  deckId?: string;
  /** BCP 47 language the answers are graded in; default `en`. */
  lang?: string;
  /** The file's name, for messages and `Deck.path` (default `package.apkg`). */
  source?: string;
}

/** Newest first: a package holding several (Anki writes a stub `collection.anki2` beside the real one) is read by its newest. */
const LAYOUTS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

/**
 * Reads an Anki `.apkg` or `.colpkg` (zip) in any of its three layouts into one ImportedDeck per Anki deck that
 * holds cards. Scheduling data (review log, intervals) is not read. Fails with a MnemoError (`DECK_INVALID`)
 * naming the file and the problem when the package is broken, too big, or not an Anki package at all.
 */
export async function readAnkiPackage(
  bytes: Uint8Array,
  options: AnkiReadOptions = {},
): Promise<ImportedDeck[]> {
  const source = options.source ?? 'package.apkg';
  const zip = ZipArchive.open(bytes, source);
  const layout = LAYOUTS.find((name) => zip.entry(name) !== undefined);
  if (!layout) {
    throw new MnemoError(
      'DECK_INVALID',
      `${source}: not an Anki package (no collection.anki21b, collection.anki21 or collection.anki2 inside)`,
    );
  }
  const where = `${source}: ${layout}`;
  const budget = new Budget(source);
  const db = await openCollection(zip, layout, where, budget);
  try {
    const collection = readCollection(db, where);
    const media = packageMedia(zip, source, budget);
    const assemble: AssembleOptions = {
      source,
      deckId: options.deckId,
      lang: options.lang,
      descriptions: collection.descriptions,
    };
    return assembleDecks(collection.notes(), media, assemble);
  } finally {
    db.close();
  }
}

/** The collection as a SQLite database; its unpacked bytes are not kept once sql.js holds its own copy. */
async function openCollection(
  zip: ZipArchive,
  layout: string,
  where: string,
  budget: Budget,
): Promise<Database> {
  let bytes = zip.read(layout);
  if (layout === 'collection.anki21b') bytes = unzstdBounded(bytes, budget.left(), where);
  budget.spend(bytes.length);
  try {
    return await openSqlite(bytes);
  } catch (error) {
    throw sqliteError(where, error);
  }
}

/** What is left of the import's unpacked-size limit once zstd data (whose size the zip does not tell) is counted. */
class Budget {
  private spent = 0;

  constructor(private readonly source: string) {}

  left(): number {
    return IMPORT_LIMITS.totalBytes - this.spent;
  }

  spend(bytes: number): void {
    this.spent += bytes;
    if (this.spent > IMPORT_LIMITS.totalBytes) {
      throw new MnemoError(
        'DECK_INVALID',
        `${this.source}: unpacks to more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may hold: refused`,
      );
    }
  }
}

interface MediaFile {
  entry: string;
  /** The size the media map gives, for files stored zstd-compressed. */
  size: number | null;
}

/** The package's `media` map (JSON `{"0": "name.png"}`, or zstd-compressed protobuf) as a MediaSource. */
function packageMedia(zip: ZipArchive, source: string, budget: Budget): MediaSource {
  const files = new Map<string, MediaFile>();
  const counted = new Set<string>();
  if (zip.entry('media')) {
    const where = `${source}: media`;
    let raw = zip.read('media');
    if (isZstd(raw)) raw = unzstdBounded(raw, IMPORT_LIMITS.mediaBytes, where);
    if (raw[0] === 0x7b /* { */) readJsonMap(raw, where, files);
    else readProtobufMap(raw, where, files);
  }
  return {
    size(name) {
      const file = files.get(name);
      const entry = file && zip.entry(file.entry);
      if (!file || !entry) return undefined;
      return file.size ?? entry.size;
    },
    read(name) {
      const file = files.get(name);
      if (!file) throw new MnemoError('INVARIANT', `media "${name}" read without being found`);
      let bytes = zip.read(file.entry);
      if (isZstd(bytes)) {
        bytes = unzstdBounded(bytes, IMPORT_LIMITS.mediaBytes + 1, `${source}: ${file.entry} (${name})`);
        // A file is read again when it is stored: its size counts once.
        if (!counted.has(name)) budget.spend(bytes.length);
        counted.add(name);
      }
      return bytes;
    },
  };
}

function readJsonMap(raw: Uint8Array, where: string, files: Map<string, MediaFile>): void {
  let map: unknown;
  try {
    map = JSON.parse(new TextDecoder().decode(raw));
  } catch (error) {
    throw new MnemoError('DECK_INVALID', `${where}: the media map is not valid JSON`, { cause: error });
  }
  if (typeof map !== 'object' || map === null)
    throw new MnemoError('DECK_INVALID', `${where}: the media map is not an object`);
  for (const [entry, name] of Object.entries(map)) {
    if (typeof name === 'string' && !files.has(name)) files.set(name, { entry, size: null });
  }
}

/** MediaEntries { repeated MediaEntry entries = 1 }; MediaEntry { name = 1; size = 2; sha1 = 3; legacy_zip_filename = 255 }. */
function readProtobufMap(raw: Uint8Array, where: string, files: Map<string, MediaFile>): void {
  try {
    const entries = readMessage(raw).get(1) ?? [];
    entries.forEach((value, index) => {
      if (!(value instanceof Uint8Array)) return;
      const entry = readMessage(value);
      const name = stringField(entry, 1);
      const legacy = entry.get(255)?.[0];
      const zipName = typeof legacy === 'number' ? String(legacy) : String(index);
      if (name !== '' && !files.has(name)) files.set(name, { entry: zipName, size: numberField(entry, 2) });
    });
  } catch (error) {
    throw new MnemoError('DECK_INVALID', `${where}: the media map is malformed`, { cause: error });
  }
}
