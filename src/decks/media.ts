import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Deck, DeckIssue } from '../core/deck/card.ts';
import type { ImportedMedia } from '../core/deck/imported.ts';
import { mediaRefs } from '../core/deck/media-refs.ts';
import { MAX_MEDIA_BYTES, mediaProblem } from '../core/media/mime.ts';

export interface DeckMedia {
  media: ImportedMedia[];
  missing: string[];
  issues: DeckIssue[];
}

/**
 * Reads the pictures and sound a Markdown deck's cards refer to, relative to the deck file (`file`: where it
 * is on disk; issues name the deck's `path`). A picture without alt text, a file that is missing, outside the
 * deck's folder, over 8 MB or of no known type is an issue. Imports from other formats (`requireAlt` false)
 * take pictures without alt text.
 */
export async function readDeckMedia(
  deck: Deck,
  file: string,
  options: { requireAlt: boolean } = { requireAlt: true },
): Promise<DeckMedia> {
  const folder = dirname(file);
  const result: DeckMedia = { media: [], missing: [], issues: [] };
  const read = new Set<string>();
  for (const card of deck.cards) {
    const issue = (message: string) => result.issues.push({ path: deck.path, line: card.line, message });
    for (const ref of mediaRefs(card)) {
      if (ref.alt === '' && options.requireAlt)
        issue(`card "${card.id}": the picture ${ref.name} needs alt text: ![what it shows](${ref.name})`);
      if (read.has(ref.name)) continue;
      read.add(ref.name);
      const where = resolve(folder, ref.name);
      const inside = relative(folder, where);
      if (/^[a-z]+:/i.test(ref.name) || isAbsolute(ref.name) || inside.startsWith('..')) {
        issue(`card "${card.id}": media ${ref.name} must be a path inside the deck's folder`);
        continue;
      }
      const size = await stat(where).then(
        (info) => (info.isFile() ? info.size : -1),
        () => -1,
      );
      if (size < 0) {
        issue(`card "${card.id}": media ${ref.name} does not exist`);
        result.missing.push(ref.name);
        continue;
      }
      if (size > MAX_MEDIA_BYTES) {
        issue(`card "${card.id}": media ${ref.name} is ${size} bytes, more than the 8 MB a file may have`);
        continue;
      }
      const bytes = new Uint8Array(await readFile(where));
      const problem = mediaProblem(bytes);
      if (problem) issue(`card "${card.id}": media ${ref.name}: ${problem}`);
      else result.media.push({ name: ref.name, bytes });
    }
  }
  return result;
}
