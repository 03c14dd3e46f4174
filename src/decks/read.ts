import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { combineDecks, type DeckSet } from '../core/deck/deck-set.ts';
import { parseDeck } from '../core/deck/parse.ts';

/** Reads every `*.md` deck under the given files or folders (sub-folders included, README.md skipped). */
export async function readDecks(paths: readonly string[], cwd = process.cwd()): Promise<DeckSet> {
  const files: string[] = [];
  const missing: DeckSet['issues'] = [];
  for (const path of paths) {
    const found = await deckFiles(path).catch(() => null);
    if (found === null) missing.push({ path, line: 0, message: 'no such file or folder' });
    else files.push(...found);
  }
  const parsed = await Promise.all(
    files.map(async (file) => parseDeck(displayPath(file, cwd), await readFile(file, 'utf8'))),
  );
  const set = combineDecks(parsed);
  return { decks: set.decks, issues: [...missing, ...set.issues] };
}

async function deckFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md',
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
