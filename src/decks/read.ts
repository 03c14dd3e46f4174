import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { DeckIssue } from '../core/deck/card.ts';
import type { DeckFile } from '../core/deck/deck-file.ts';
import { combineDecks, type DeckSet } from '../core/deck/deck-set.ts';
import type { ImportedMedia } from '../core/deck/imported.ts';
import { type ParsedDeck, parseDeck } from '../core/deck/parse.ts';
import { readDeckMedia } from './media.ts';

export interface DeckFolder {
  /** Every deck file found, in path order. */
  files: DeckFile[];
  /**
   * Folders or files that could not be read at all: missing, unreadable, or holding no deck. What they hold is
   * unknown, so nothing may be synced from them.
   */
  unread: DeckIssue[];
}

/** Reads every `*.md` deck under the given files or folders: sub-folders and symbolic links are followed. */
export async function readDeckFolder(paths: readonly string[], cwd = process.cwd()): Promise<DeckFolder> {
  const files: DeckFile[] = [];
  const unread: DeckIssue[] = [];
  for (const path of paths) {
    const found = await deckFiles(path).catch((error: unknown) => {
      unread.push({ path: displayPath(errorPath(error) ?? path, cwd), line: 0, message: readFailure(error) });
      return null;
    });
    if (found === null) continue;
    if (found.length === 0) {
      unread.push({ path, line: 0, message: 'no deck files (*.md) in this folder' });
      continue;
    }
    for (const { file, source } of found) {
      const shown = displayPath(file, cwd);
      files.push({ path: shown, source, ...(await readDeck(file, shown)) });
    }
  }
  return { files, unread };
}

/** Reads and checks decks for `mnemo cards check`: issues of files, across files, and of folders. */
export async function readDecks(paths: readonly string[], cwd = process.cwd()): Promise<DeckSet> {
  const folder = await readDeckFolder(paths, cwd);
  const set = combineDecks(folder.files.map((file) => file.parsed));
  return { decks: set.decks, issues: [...folder.unread, ...set.issues] };
}

/** A deck file parsed, and the media its cards use: a missing or bad file, or a picture without alt text, is an issue. */
async function readDeck(
  file: string,
  shown: string,
): Promise<{ parsed: ParsedDeck; media?: ImportedMedia[] }> {
  const bytes = await readFile(file).catch((error: unknown) => error);
  if (!(bytes instanceof Buffer))
    return { parsed: { deck: null, issues: [{ path: shown, line: 0, message: readFailure(bytes) }] } };
  const text = decodeUtf8(bytes);
  if (typeof text === 'number') {
    const message = 'not valid UTF-8 text: save the file as UTF-8';
    return { parsed: { deck: null, issues: [{ path: shown, line: text, message }] } };
  }
  const parsed = parseDeck(shown, text);
  if (!parsed.deck) return { parsed };
  const media = await readDeckMedia(parsed.deck, file);
  if (media.issues.length > 0) return { parsed: { deck: null, issues: media.issues } };
  return media.media.length > 0 ? { parsed, media: media.media } : { parsed };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text, or the 1-based line of the first byte that is not UTF-8. */
function decodeUtf8(bytes: Buffer): string | number {
  try {
    return UTF8.decode(bytes);
  } catch {
    // A line feed is never part of a multi-byte character: each line can be decoded on its own.
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        UTF8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
    return line;
  }
}

interface Found {
  file: string;
  source: string;
}

async function deckFiles(path: string): Promise<Found[]> {
  const info = await stat(path);
  if (info.isFile()) return [{ file: path, source: basename(path) }];
  const found: Found[] = [];
  // Each real folder is read once: a link back up the tree is not followed round.
  const seen = new Set([await realpath(path)]);
  const visit = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const file = join(dir, entry.name);
      const source = `${prefix}${entry.name}`;
      const kind = await entryKind(entry, file);
      if (kind === 'folder') {
        const real = await realpath(file);
        if (seen.has(real)) continue;
        seen.add(real);
        await visit(file, `${source}/`);
      } else if (kind === 'file' && isDeckName(entry.name)) {
        found.push({ file, source });
      }
    }
  };
  await visit(path, '');
  return found.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** A link is what it points to; a link to nothing counts as a file, so reading it reports the problem. */
async function entryKind(entry: Dirent, file: string): Promise<'file' | 'folder' | null> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : null;
  const target = await stat(file).catch(() => null);
  if (!target) return 'file';
  return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : null;
}

const isDeckName = (name: string) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md';

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** The sub-folder or file a read failed on, when the error names one. */
function errorPath(error: unknown): string | null {
  const path = (error as NodeJS.ErrnoException | null)?.path;
  return typeof path === 'string' ? path : null;
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
