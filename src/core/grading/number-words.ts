import { romanValue } from './regnal.ts';

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

/** The English number words below ten, then the teens: "three", "fourteen". */
export const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

const WORDS: ReadonlyMap<string, { kind: Kind; value: number }> = new Map([
  ...UNITS.map((word, value): [string, { kind: Kind; value: number }] => [word, { kind: 'unit', value }]),
  ...TEENS.map((word, i): [string, { kind: Kind; value: number }] => [word, { kind: 'teen', value: 10 + i }]),
  ...TENS.map((word, i): [string, { kind: Kind; value: number }] => [
    word,
    { kind: 'tens', value: 20 + 10 * i },
  ]),
  ['hundred', { kind: 'hundred', value: 100 }],
  ...[...SCALES].map(([word, value]): [string, { kind: Kind; value: number }] => [
    word,
    { kind: 'scale', value },
  ]),
]);

// Which kind of number word may follow which, so "one two" stays two numbers and "twenty four" is one.
const FOLLOWS: Readonly<Record<Kind | 'start', ReadonlySet<Kind>>> = {
  start: new Set(['unit', 'teen', 'tens', 'hundred', 'scale']),
  unit: new Set(['hundred', 'scale']),
  teen: new Set(['hundred', 'scale']),
  tens: new Set(['unit', 'scale']),
  hundred: new Set(['unit', 'teen', 'tens', 'scale']),
  scale: new Set(['unit', 'teen', 'tens']),
};

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ...TEENS.slice(3).map((teen, i): [string, number] => [`${teen}th`, 13 + i]),
  ...TENS.map((tens, i): [string, number] => [`${tens.slice(0, -1)}ieth`, 20 + 10 * i]),
  ['hundredth', 100],
  ['thousandth', 1_000],
]);
// "twenty-first": a tens word, then an ordinal below ten.
const LAST_ORDINAL_UNIT = 9;

// Roman numerals only count after a word that numbers things ("type II", "siglo XV") or before "century"
// ("XVIII century"), so the pronoun "I" stays a word.
const ROMAN_CONTEXT = new Set([
  ...['type', 'tier', 'level', 'class', 'phase', 'stage', 'gen', 'generation'],
  ...['siglo', 'siecle', 'secolo'],
]);
const ROMAN_BEFORE = new Set(['century', 'centuries', 'jahrhundert', 'siecle']);

const GLUED_TENS = new RegExp(`^(${TENS.join('|')})(${UNITS.slice(1).join('|')})$`);

/** "sixtyfour" is typed for "sixty-four" often enough to read it as two words. */
export function splitGluedNumberWord(word: string): string[] {
  const glued = GLUED_TENS.exec(word);
  return glued?.[1] && glued[2] ? [glued[1], glued[2]] : [word];
}

/** The English scale words: "thousand", "million"… */
export function scaleWords(): readonly string[] {
  return [...SCALES.keys()];
}

export function scaleOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : SCALES.get(word);
}

/** Reads "sixty four", "two hundred and fifty", "a million", "first" or "type II" starting at `index`. */
export function readNumberWords(
  words: readonly string[],
  index: number,
): { amount: number; next: number } | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  const ordinal = ORDINALS.get(word);
  if (ordinal !== undefined) return { amount: ordinal, next: index + 1 };
  // A lone "c", "d" or "m" is a letter ("class C"), not 100, 500 or 1000.
  const roman = /^(?:[ivx]|[ivxlcdm]{2,})$/.test(word) ? romanValue(word) : undefined;
  const before = words[index - 1];
  const after = words[index + 1];
  if (
    roman !== undefined &&
    ((before !== undefined && ROMAN_CONTEXT.has(before)) || (after !== undefined && ROMAN_BEFORE.has(after)))
  ) {
    return { amount: roman, next: index + 1 };
  }

  let total = 0;
  let current = 0;
  let last: Kind | 'start' = 'start';
  let next = index;
  for (;;) {
    const candidate = words[next];
    if (candidate === 'and' && (last === 'hundred' || last === 'scale')) {
      const after = WORDS.get(words[next + 1] ?? '');
      if (after && after.kind !== 'hundred' && after.kind !== 'scale') {
        next += 1;
        continue;
      }
    }
    const ordinal = last === 'tens' ? ORDINALS.get(candidate ?? '') : undefined;
    if (ordinal !== undefined && ordinal <= LAST_ORDINAL_UNIT)
      return { amount: total + current + ordinal, next: next + 1 };
    const found = WORDS.get(candidate ?? '');
    if (!found || !FOLLOWS[last].has(found.kind)) break;
    if (found.kind === 'hundred') current = (current || 1) * 100;
    else if (found.kind === 'scale') {
      total += (current || 1) * found.value;
      current = 0;
    } else current += found.value;
    last = found.kind;
    next += 1;
  }
  return next === index ? undefined : { amount: total + current, next };
}
