import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { editDistance } from '../core/grading/edit-distance.ts';
import { fold } from './spelling.ts';

/** The first line of a compact thesaurus (scripts/build-thesauri.ts writes them), naming its format and version. */
export const THESAURUS_HEADER = 'mnemo-thesaurus 1';

// A listed word one or two letters from the term is another word a slip may spell ("méiose" for "mitose", "schon"
// for "schön"), or the term spelled another way ("Fussball"): the grader's own rules judge it, never the thesaurus.
const NEAR_MISS = 2; // edits

// A line: a headword, then one or more meanings, each of one or more words, none empty.
const WELL_FORMED = /^[^\t|]+(?:\t[^\t|]+(?:\|[^\t|]+)*)+$/;

// A learner takes a word for another that begins alike and is two or three letters off ("librería" and
// "library", "librairie" and "library"): the false friends of a word in the question. One letter off, it is the
// question's own word in another form ("acusado" to "la persona acusada").
const FALSE_FRIEND = { begins: 3, fewestEdits: 2, mostEdits: 3, shortest: 5 } as const;

/** True when the folded words are one, or look alike: the question's word, or a false friend of it. */
function isLookAlike(word: string, other: string): boolean {
  if (word === other) return true;
  const { begins, fewestEdits, mostEdits, shortest } = FALSE_FRIEND;
  if (Math.min(word.length, other.length) < shortest || word.slice(0, begins) !== other.slice(0, begins))
    return false;
  const edits = editDistance(word, other, mostEdits);
  return edits >= fewestEdits && edits <= mostEdits;
}

// Split before folding: fold drops apostrophes, and "l'os" is two words.
function wordsOf(text: string): string[] {
  return text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(fold);
}

/**
 * Synonyms of one language from its compact thesaurus (src/languages/thesauri/<lang>.txt.gz, built from the
 * LibreOffice thesauri): each headword's meanings, holding only the closest words that list the headword back.
 */
export class Thesaurus {
  /** The compact text after its header: sorted lines, searched by halving (no map of 100,000 entries). */
  private constructor(private readonly text: string) {}

  /** Reads a compact thesaurus; a line out of shape is an error naming the file and the line. */
  static parse(text: string, file: string): Thesaurus {
    const headerEnd = text.indexOf('\n');
    const header = text.slice(0, headerEnd < 0 ? text.length : headerEnd);
    if (header !== THESAURUS_HEADER)
      throw new Error(
        `${file}:1: expected "${THESAURUS_HEADER}", found ${JSON.stringify(header.slice(0, 40))}`,
      );
    const body = text.slice(headerEnd + 1);
    let line = 2;
    for (let start = 0; start < body.length; line++) {
      const end = body.indexOf('\n', start);
      const entry = body.slice(start, end < 0 ? body.length : end);
      if (!WELL_FORMED.test(entry))
        throw new Error(
          `${file}:${line}: expected "headword<TAB>word|word<TAB>…", found ${JSON.stringify(entry.slice(0, 60))}`,
        );
      start = end < 0 ? body.length : end + 1;
    }
    return new Thesaurus(body);
  }

  /** Reads a gzipped compact thesaurus file. */
  static async read(path: string): Promise<Thesaurus> {
    return Thesaurus.parse(gunzipSync(await readFile(path)).toString('utf8'), path);
  }

  /** The headword's meanings as written (`word|word<TAB>word`), or undefined when it has no entry. */
  private groups(key: string): string | undefined {
    const { text } = this;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = text.lastIndexOf('\n', middle - 1) + 1;
      const end = text.indexOf('\n', start);
      const stop = end < 0 ? text.length : end;
      const tab = text.indexOf('\t', start);
      const head = text.slice(start, tab);
      if (head === key) return text.slice(tab + 1, stop);
      if (head < key) low = stop + 1;
      else high = start;
    }
    return undefined;
  }

  /**
   * The words of the term's meanings, but never one a slip away from it (another word), nor one the question
   * itself names: "océan" is no answer to "a sea, smaller than an ocean".
   */
  synonyms(term: string, question = ''): readonly string[] {
    const key = term.trim().toLowerCase().normalize('NFC');
    const groups = this.groups(key);
    if (!groups) return [];
    const own = fold(key);
    const asked = wordsOf(question);
    const echoes = (text: string) => {
      const words = wordsOf(text);
      return words.every((word) => asked.some((other) => isLookAlike(word, other)));
    };
    const ownEcho = echoes(key);
    const words = new Set(groups.split(/[\t|]/));
    return [...words].filter((word) => {
      const near = word !== key && editDistance(own, fold(word), NEAR_MISS) <= NEAR_MISS;
      return !near && (ownEcho || !echoes(word));
    });
  }
}

/** The languages whose thesaurus ships in src/languages/thesauri/ (English's synonyms are WordNet's). */
const SHIPPED = new Set(['es', 'fr', 'de', 'it', 'pt']);

/** The thesaurus shipped for a language, if any: read once, when a deck in that language first needs it. */
export async function openThesaurus(lang: string): Promise<Thesaurus | undefined> {
  if (!SHIPPED.has(lang)) return undefined;
  return Thesaurus.read(fileURLToPath(new URL(`./thesauri/${lang}.txt.gz`, import.meta.url)));
}
