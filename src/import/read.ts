import { basename, extname } from 'node:path';
import { unzipSync } from 'fflate';
import { formatIssue } from '../core/deck/card.ts';
import type { ImportedDeck } from '../core/deck/imported.ts';
import { DEFAULT_LANG } from '../core/deck/language-tag.ts';
import { mediaRefs } from '../core/deck/media-refs.ts';
import { parseDeck } from '../core/deck/parse.ts';
import { readDeckMedia } from '../decks/media.ts';
import { readAnkiPackage } from './anki/package.ts';
import { readCrowdAnki } from './crowdanki.ts';
import { type ColumnMap, readCsv } from './csv.ts';
import { formatBytes, IMPORT_LIMITS } from './limits.ts';
import { ImportProblem, type ReadOptions } from './options.ts';

/** The formats Mnemo imports, told apart by content, never by the file name. */
export type ImportFormat = 'apkg' | 'crowdanki' | 'csv' | 'markdown';

export interface ImportInput {
  bytes: Uint8Array;
  /** The file's name or path as a person gave it: problems name it; never used to pick the format. */
  path: string;
  /** The folder a Markdown deck's media paths are relative to (the CLI: the file's folder); none in chat. */
  mediaFolder?: string;
}

export interface ImportReadOptions {
  /** `--deck`: the deck id of a file that names none (CSV), or the one to keep of several. */
  deckId?: string;
  /** `--lang`: the language of a file that declares none (every format but Markdown); default `en`. */
  lang?: string;
  map?: ColumnMap;
}

/** A reader turns one file's bytes into decks; it throws `ImportProblem` for a file it cannot read. */
export type DeckReader = (input: ImportInput, options: ReadOptions) => Promise<ImportedDeck[]>;

/** What an Anki or CrowdAnki reader is told: the file's name for problems, and a deck id only when asked for. */
const ankiOptions = (input: ImportInput, options: ReadOptions) => ({
  source: basename(input.path),
  lang: options.lang,
  ...(options.chosenDeckId ? { deckId: options.chosenDeckId } : {}),
});

/** One reader per format. */
export const READERS: Record<ImportFormat, DeckReader> = {
  apkg: (input, options) => readAnkiPackage(input.bytes, ankiOptions(input, options)),
  crowdanki: (input, options) => readCrowdAnki(input.bytes, ankiOptions(input, options)),
  csv: async (input, options) => [await withFolderMedia(readCsv(decodeText(input), options), input)],
  markdown: readMarkdown,
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ANKI_COLLECTIONS = new Set(['collection.anki2', 'collection.anki21', 'collection.anki21b']);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Which format the bytes are, from their content. */
export function detectFormat(input: ImportInput): ImportFormat {
  const { bytes } = input;
  if (ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (file) => {
          names.push(file.name);
          return false;
        },
      });
    } catch (error) {
      throw new ImportProblem([`${input.path}: not a readable zip file (${(error as Error).message})`]);
    }
    if (names.some((name) => ANKI_COLLECTIONS.has(name))) return 'apkg';
    if (names.some((name) => name === 'deck.json' || name.endsWith('/deck.json'))) return 'crowdanki';
    throw new ImportProblem([
      `${input.path}: a zip file with neither collection.anki2/anki21/anki21b (Anki) nor deck.json (CrowdAnki)`,
    ]);
  }
  const text = decodeText(input);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('---') || /^##\s+\S/m.test(text)) return 'markdown';
  if (/^#[a-z ]+:/i.test(start)) return 'csv';
  const first = start.slice(0, start.indexOf('\n') === -1 ? undefined : start.indexOf('\n'));
  if (/[\t,;]/.test(first)) return 'csv';
  throw new ImportProblem([
    `${input.path}: not a deck Mnemo reads: an Anki .apkg/.colpkg, a CrowdAnki zip, CSV/TSV rows or a Markdown deck`,
  ]);
}

/** Reads one file into decks, within the import's bounds. */
export async function readImport(
  input: ImportInput,
  options: ImportReadOptions = {},
): Promise<ImportedDeck[]> {
  if (input.bytes.length > IMPORT_LIMITS.totalBytes)
    throw new ImportProblem([
      `${input.path}: ${input.bytes.length} bytes, more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may have`,
    ]);
  const name = basename(input.path, extname(input.path));
  const deckId = options.deckId ?? deckIdFrom(name);
  const read = READERS[detectFormat(input)];
  const decks = await read(input, {
    path: input.path,
    deckId,
    title: name || deckId,
    lang: options.lang ?? DEFAULT_LANG,
    ...(options.deckId ? { chosenDeckId: options.deckId } : {}),
    ...(options.map ? { map: options.map } : {}),
    maxNotes: IMPORT_LIMITS.notes,
  });
  const notes = decks.reduce((sum, deck) => sum + deck.notes, 0);
  if (notes > IMPORT_LIMITS.notes)
    throw new ImportProblem([
      `${input.path}: ${notes} notes, more than the ${IMPORT_LIMITS.notes} an import may have`,
    ]);
  return decks;
}

async function readMarkdown(input: ImportInput): Promise<ImportedDeck[]> {
  const parsed = parseDeck(input.path, decodeText(input));
  if (!parsed.deck) throw new ImportProblem(parsed.issues.map(formatIssue));
  const deck = parsed.deck;
  if (input.mediaFolder === undefined) {
    const missingMedia = [...new Set(deck.cards.flatMap((card) => mediaRefs(card).map((ref) => ref.name)))];
    return [{ deck, notes: deck.cards.length, media: [], missingMedia, skipped: [] }];
  }
  const media = await readDeckMedia(deck, `${input.mediaFolder}/${basename(input.path)}`);
  if (media.issues.length > 0) throw new ImportProblem(media.issues.map(formatIssue));
  return [{ deck, notes: deck.cards.length, media: media.media, missingMedia: media.missing, skipped: [] }];
}

/**
 * The pictures and sound a CSV's cards name, read from the folder beside it when there is one (Anki's
 * `collection.media`, copied next to the export): a file not there is missing, a bad one skipped.
 */
async function withFolderMedia(deck: ImportedDeck, input: ImportInput): Promise<ImportedDeck> {
  const names = [...new Set(deck.deck.cards.flatMap((card) => mediaRefs(card).map((ref) => ref.name)))];
  if (names.length === 0) return deck;
  if (input.mediaFolder === undefined) return { ...deck, missingMedia: names };
  const found = await readDeckMedia(deck.deck, `${input.mediaFolder}/${basename(input.path)}`, {
    requireAlt: false,
  });
  const skipped = found.issues
    .filter((issue) => !issue.message.endsWith('does not exist'))
    .map((issue) => ({ item: `line ${issue.line}`, reason: issue.message }));
  return { ...deck, media: found.media, missingMedia: found.missing, skipped: [...deck.skipped, ...skipped] };
}

function decodeText(input: ImportInput): string {
  try {
    return UTF8.decode(input.bytes);
  } catch {
    throw new ImportProblem([`${input.path}: not UTF-8 text, nor a zip file (Anki, CrowdAnki)`]);
  }
}

/** A deck id from a file name: lowercase letters, digits and single dashes. */
function deckIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return id || 'imported';
}
