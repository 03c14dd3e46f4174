/**
 * Builds the compact thesauri Mnemo ships (src/languages/thesauri/<lang>.txt.gz) from Debian's LibreOffice
 * thesauri in MyThes format (`apt-get download mythes-es mythes-fr mythes-de mythes-it mythes-pt-pt mythes-pt-br`,
 * unpacked): `npx tsx scripts/build-thesauri.ts [--from /usr/share/mythes] [--to src/languages/thesauri]`.
 *
 * Only what the grader reads is kept: each headword's meaning groups, lowercase, annotations taken off, without the
 * words a teacher would not take for the headword (a German "Oberbegriff" is a hypernym; vulgar, obsolete, ironic
 * and figurative words), without phrases longer than a few words, and with only the closest words that list the
 * headword back among their own closest (see `compact`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { THESAURUS_HEADER } from '../src/languages/thesaurus.ts';

/** Each language's MyThes files, merged into one compact thesaurus (Portuguese: Portugal's, then Brazil's). */
export const SOURCES: Readonly<Record<string, readonly string[]>> = {
  es: ['th_es_ES_v2.dat'],
  fr: ['thes_fr.dat'],
  de: ['th_de_DE_v2.dat'],
  it: ['th_it_IT_v2.dat'],
  pt: ['th_pt_PT_v2.dat', 'th_pt_BR.dat'],
};

// A meaning lists its closest words first; further on come related words, kinds and neighbours ("océan" is the
// eighth word under "mer", "camion" the thirty-first under "voiture"). Measured on the thesaurus set's development
// half, the first three grade the most answers right: 85.0% agreement, 5.7% false accepts, 34% of its synonyms
// (two: 84.4%, 5.1%, 28%; five: 84.7%, 7.6%, 38%; every word: twice the false accepts).
const CLOSEST = 3; // words
// A phrase longer than this is a paraphrase ("mit dem bloßen Auge erkennbare Strukturen"), not an answer.
const LONGEST_PHRASE = 3; // words
// Marks of a word that is no synonym a teacher takes: a hypernym or hyponym (OpenThesaurus), vulgar, obsolete,
// rarely used, ironic, joking or figurative words.
const DROPPED_MARK =
  /\b(?:oberbegriff|unterbegriff|derb|vulg|veraltet|veraltend|abwertend|ironisch|scherzhaft|spruch|fig|p\. us|antiq|obsol)\b/i;
const ANNOTATION = /\(([^)]*)\)/g;

/** One headword's meaning groups, each a list of words and phrases. */
export type Entries = Map<string, string[][]>;

function fail(file: string, line: number, message: string): never {
  throw new Error(`${file}:${line}: ${message}`);
}

/** A word as the compact file keeps it: annotations off, lowercase; undefined when it is to be dropped. */
function cleanWord(raw: string): string | undefined {
  const marks = [...raw.matchAll(ANNOTATION)].map((match) => match[1] ?? '');
  if (marks.some((mark) => DROPPED_MARK.test(mark))) return undefined;
  const word = raw.replace(ANNOTATION, ' ').replace(/\s+/g, ' ').trim().toLowerCase().normalize('NFC');
  if (!word || word.includes('...') || word.includes('…') || /[|\t]/.test(word)) return undefined;
  return word.split(' ').length <= LONGEST_PHRASE ? word : undefined;
}

/**
 * Reads one MyThes file: an encoding line, then `headword|N` followed by N lines `(part of speech)|word|word…`.
 * Adds its meaning groups to `into`; a line out of that shape is an error naming the file and line.
 */
export function readMyThes(bytes: Uint8Array, file: string, into: Entries = new Map()): Entries {
  const encoding = Buffer.from(bytes.subarray(0, 40)).toString('latin1').split(/\r?\n/, 1)[0]?.trim() ?? '';
  const text = Buffer.from(bytes).toString(/^ISO[-_]?8859-1$/i.test(encoding) ? 'latin1' : 'utf8');
  const lines = text.split(/\r?\n/);
  let at = 1;
  while (at < lines.length) {
    const head = lines[at] ?? '';
    if (head.trim() === '') {
      at++;
      continue;
    }
    const match = /^(.*)\|(\d+)$/.exec(head);
    if (!match) fail(file, at + 1, `expected "headword|count", found ${JSON.stringify(head.slice(0, 60))}`);
    const headword = cleanWord(match[1] ?? '') ?? '';
    const count = Number(match[2]);
    const groups = into.get(headword) ?? [];
    for (let sense = 1; sense <= count; sense++) {
      const line = lines[at + sense];
      // A meaning starts with its part of speech in brackets, or "-" for none.
      if (line === undefined || !line.includes('|') || !/^\s*[(-]/.test(line))
        fail(file, at + sense + 1, `expected meaning ${sense} of ${count} of "${match[1]}"`);
      // Brazil's thesaurus writes under a headword the lists of other words that hold it, each after
      // "(Sinônimo)" and its own word, the rest in alphabetical order: only that word is the headword's synonym.
      const listOf = /^\(Sinônimo\)(.+?)\|/.exec(line)?.[1];
      const words = (listOf === undefined ? line.split('|').slice(1) : [listOf])
        .map(cleanWord)
        .filter((word): word is string => word !== undefined && word !== headword);
      const group = [...new Set(words)];
      if (group.length > 0 && !groups.some((known) => known.join('|') === group.join('|')))
        groups.push(group);
    }
    if (headword && groups.length > 0) into.set(headword, groups);
    at += count + 1;
  }
  return into;
}

/** True when `word` is among the closest words of one of `head`'s meanings. */
function isClosest(entries: Entries, head: string, word: string): boolean {
  return (entries.get(head) ?? []).some((group) => group.slice(0, CLOSEST).includes(word));
}

/**
 * The compact text: the header, then one line per headword in code-point order, `headword\tgroup\tgroup`, each
 * group's words `|`-separated. A word stays when each of the two is among the other's closest words: one way only,
 * it is mostly a related word ("laufen" under "gehen", "collège" under "école"). A headword left with none is left
 * out.
 */
export function compact(entries: Entries): string {
  const lines: string[] = [];
  for (const [head, groups] of entries) {
    const mutual = groups
      .map((group) => group.slice(0, CLOSEST).filter((word) => isClosest(entries, word, head)))
      .filter((group) => group.length > 0);
    if (mutual.length > 0) lines.push([head, ...mutual.map((group) => group.join('|'))].join('\t'));
  }
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${[THESAURUS_HEADER, ...lines].join('\n')}\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: '/usr/share/mythes' },
      to: { type: 'string', default: 'src/languages/thesauri' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npx tsx scripts/build-thesauri.ts [--from DIR_OF_MYTHES_FILES] [--to OUTPUT_DIR]');
    return;
  }
  mkdirSync(values.to, { recursive: true });
  for (const [lang, files] of Object.entries(SOURCES)) {
    const entries: Entries = new Map();
    for (const file of files) readMyThes(readFileSync(join(values.from, file)), file, entries);
    const packed = gzipSync(compact(entries), { level: 9 });
    writeFileSync(join(values.to, `${lang}.txt.gz`), packed);
    console.log(`${lang}: ${(packed.length / 1e6).toFixed(2)} MB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
