import { readNumberWords, scaleOf, splitGluedNumberWord } from './number-words.ts';
import { DEGREES, isUnit, RATIO, readUnit, type Unit } from './units.ts';

export interface NumberToken {
  readonly kind: 'number';
  /** Canonical spelling, so "100 ms" and "100 milliseconds" read alike. */
  readonly text: string;
  /** The number as written, before its unit: 100 for "100 ms". */
  readonly amount: number;
  readonly unit: Unit | undefined;
  /** First letter as typed, for acronyms: "first in first out" is FIFO. */
  readonly initial: string;
  /**
   * The significant digits as written, as an integer ("9.81" → 981, "150 million" → 15), when written in
   * digits: a rounded figure agrees with the exact one it rounds. Undefined for numbers in words.
   */
  readonly mantissa: number | undefined;
}

// Scales abbreviated after a number: "2 bn", German "2,5 Mio." and "3 Mrd.", Italian "4 mln" and "1 mld".
const SHORT_SCALES: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9],
  ['mio', 1e6],
  ['mrd', 1e9],
  ['mln', 1e6],
  ['mld', 1e9],
]);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const SIGNS: ReadonlyMap<string, number> = new Map([
  ['minus', -1],
  ['negative', -1],
]);
// "three quarters", "one half", "one sixth": a number word followed by a share.
const SHARES: ReadonlyMap<string, number> = new Map([
  ['half', 2],
  ['halves', 2],
  ['quarter', 4],
  ['quarters', 4],
  ...['third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].flatMap(
    (share, i): [string, number][] => [
      [share, i + 3],
      [`${share}s`, i + 3],
    ],
  ),
  ['hundredth', 100],
  ['hundredths', 100],
  ['thousandth', 1_000],
  ['thousandths', 1_000],
]);
// Words saying the number after them is rounded ("about 340", "etwa 95 %", "cerca de 7000", "約3800"): its
// trailing zeros are then rounding, not digits.
const APPROXIMATELY = new Set(
  'about approximately approx around roughly circa ca nearly unos unas aproximadamente alrededor cerca environ pres etwa ungefahr rund quasi uns umas примерно около 約 约 大约'.split(
    ' ',
  ),
);
const LINKS = new Set(['de', 'of', 'a', 'von']);

function isApproximate(words: readonly string[], index: number): boolean {
  const before = words[index - 1] ?? '';
  return APPROXIMATELY.has(before) || (LINKS.has(before) && APPROXIMATELY.has(words[index - 2] ?? ''));
}

// A rounded figure needs this many significant digits to stand for an exact one ("9.8" for "9.81", not "3" for "3.14").
const FEWEST_ROUNDED_DIGITS = 2;

function mantissaOf(digits: string): number {
  // Every digit counts, trailing zeros too: "6380" is not a rounding of "6379".
  return Number(digits.replace('.', '').replace(/^0+/, '') || '0');
}

function scale(word: string | undefined): number | undefined {
  return scaleOf(word) ?? (word === undefined ? undefined : SHORT_SCALES.get(word));
}

/** Splits "100ms", "1.5k", "16mb" and "1st" so that number and unit read as separate words. */
export function splitNumberWord(word: string): string[] {
  const glued = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(word);
  // "3776メートル", "5公里": a unit written in another script, glued to its number.
  const script = /^(\d+(?:\.\d+)?)([^\d\sa-z]+)$/u.exec(word);
  if (script?.[1] && script[2] && isUnit(script[2])) return [script[1], script[2]];
  if (!glued?.[1] || !glued[2]) return splitGluedNumberWord(word);
  const [, digits, suffix] = glued;
  if (ORDINAL_SUFFIXES.has(suffix)) return [digits];
  // "10k" is ten thousand; "10 K" is ten kelvin.
  if (suffix === 'k') return [digits, 'thousand'];
  return isUnit(suffix) || scale(suffix) !== undefined ? [digits, suffix] : [word];
}

function readDigits(
  words: readonly string[],
  index: number,
): { amount: number; next: number; mantissa: number } | undefined {
  const word = words[index];
  const scientific = word === undefined ? null : /^(\d+(?:\.\d+)?)e(m?)(\d+)$/.exec(word);
  if (scientific?.[1] && scientific[3] !== undefined) {
    const exponent = (scientific[2] ? -1 : 1) * Number(scientific[3]);
    return {
      amount: Number(`${scientific[1]}e${exponent}`),
      next: index + 1,
      mantissa: mantissaOf(scientific[1]),
    };
  }
  if (word === undefined || !/^\d+(?:\.\d+)?$/.test(word)) return undefined;
  let digits = word;
  let next = index + 1;
  // "10 000": groups of three digits after a short lead are thousands, not a second number.
  if (/^\d{1,3}$/.test(word)) {
    for (let group = words[next]; group !== undefined && /^\d{3}$/.test(group); group = words[next]) {
      digits += group;
      next += 1;
    }
  }
  return { amount: Number(digits), next, mantissa: mantissaOf(digits) };
}

/** Reads a number with its optional scale ("1.5 million") and unit ("10 ms") starting at `index`. */
export function readQuantity(
  words: readonly string[],
  index: number,
): { token: NumberToken; next: number } | undefined {
  // "half" and "a half" are one half.
  if (words[index] === 'half' || (words[index] === 'a' && words[index + 1] === 'half')) {
    const next = index + (words[index] === 'a' ? 2 : 1);
    return {
      token: { kind: 'number', text: '0.5', amount: 0.5, unit: undefined, initial: 'h', mantissa: 5 },
      next,
    };
  }
  const sign = SIGNS.get(words[index] ?? '');
  const start = sign === undefined ? index : index + 1;
  const digits = readDigits(words, start);
  const read = digits ?? readNumberWords(words, start);
  if (!read) return undefined;
  let { amount, next } = read;
  amount *= sign ?? 1;
  const share = digits ? undefined : SHARES.get(words[next] ?? '');
  if (share !== undefined) {
    amount /= share;
    next += 1;
  }
  const multiplier = scale(words[next]);
  if (multiplier !== undefined) {
    amount *= multiplier;
    next += 1;
  }
  const unit = readUnit(words, next);
  // "37 degrees": the degree sign says no more than the number when no scale follows ("°" folds away too).
  if (!unit && DEGREES.has(words[next] ?? '')) next += 1;
  const token: NumberToken = {
    kind: 'number',
    text: `${amount}${unit?.unit.symbol ?? ''}`,
    amount,
    unit: unit?.unit,
    initial: words[index]?.charAt(0) ?? '',
    mantissa:
      digits && isApproximate(words, index) ? withoutTrailingZeros(digits.mantissa) : digits?.mantissa,
  };
  return withSmallerPart({ token, next: unit?.next ?? next }, words);
}

// "2 h 30 min", "1 hour and 30 minutes", "1 kg 500 g": a quantity and a smaller one of its dimension are one.
function withSmallerPart(
  read: { token: NumberToken; next: number },
  words: readonly string[],
): { token: NumberToken; next: number } {
  const { token } = read;
  if (!token.unit || token.unit.offset) return read;
  const at = words[read.next] === 'and' ? read.next + 1 : read.next;
  if (!/^\d/.test(words[at] ?? '')) return read;
  const part = readQuantity(words, at);
  const unit = part?.token.unit;
  if (!part || !unit || unit.dimension !== token.unit.dimension || unit.factor >= token.unit.factor)
    return read;
  const amount = token.amount + (part.token.amount * unit.factor) / token.unit.factor;
  return {
    token: { ...token, amount, text: `${amount}${token.unit.symbol}`, mantissa: undefined },
    next: part.next,
  };
}

/** The same number, counted in a unit: "32" when the question asks "How many bits…". */
export function inUnit(token: NumberToken, unit: Unit): NumberToken {
  return { ...token, unit, text: `${token.amount}${unit.symbol}` };
}

function near(a: number, b: number): boolean {
  // Relative only: Planck's constant (6.6e-34) is not "near" every other tiny number.
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** How `a` and `b` were counted: as typed, or in the base unit of their dimension (decimal or binary). */
type Scale = 'typed' | 'decimal' | 'binary';

function factorOf(token: NumberToken, scale: Scale): number {
  if (scale === 'typed' || !token.unit) return 1;
  return scale === 'binary' ? token.unit.binaryFactor : token.unit.factor;
}

// Trailing zeros of a whole number may be rounding: "4,130 miles" is "6,650 km" to a teacher.
function withoutTrailingZeros(mantissa: number): number {
  let rest = mantissa;
  while (rest > 0 && rest % 10 === 0) rest /= 10;
  return rest;
}

// Within half a unit of the last significant digit of the rounder of the two: "29,032 ft" is "8,849 m".
// The digit is the rounder's own, in its own unit: "39 °C" is not "37 °C" because 312 K rounds like 310 K.
// In one unit every digit written counts ("6380" is not "6379"); across units a whole number's trailing
// zeros may be rounding, as the conversion is.
function rounds(a: number, b: number, x: NumberToken, y: NumberToken, scale: Scale): boolean {
  if (near(a, b)) return true;
  const digitsOf = (token: NumberToken) =>
    token.mantissa === undefined || scale === 'typed' || Number.isInteger(token.amount) === false
      ? token.mantissa
      : withoutTrailingZeros(token.mantissa);
  const rounder = [x, y]
    .map((token) => ({ token, mantissa: digitsOf(token) }))
    .filter(({ mantissa }) => mantissa !== undefined && mantissa >= 10 ** (FEWEST_ROUNDED_DIGITS - 1))
    .sort((p, q) => (p.mantissa ?? 0) - (q.mantissa ?? 0))[0];
  if (!rounder?.mantissa) return false;
  const magnitude = Math.abs(rounder.token.amount) * factorOf(rounder.token, scale);
  return Math.abs(a - b) < (0.5 / rounder.mantissa) * magnitude * (1 - 1e-9);
}

function inBase(token: NumberToken, binary: boolean): number {
  const unit = token.unit;
  if (!unit) return token.amount;
  return token.amount * (binary ? unit.binaryFactor : unit.factor) + (unit.offset ?? 0);
}

/**
 * Two quantities agree when they are the same amount of the same dimension ("2 h" = "120 min"),
 * with data sizes read in powers of ten or of two alike ("1 GB" = "1000 MB" = "1024 MB").
 * A bare number agrees with the number a unit was given with ("30" for "30 seconds"), and with a
 * ratio's value ("0.75" for "75%").
 */
export function sameQuantity(a: NumberToken, b: NumberToken): boolean {
  // In one unit the amounts are compared as written: a scale's offset would drown "1.602e-19 C" in 273.15 K.
  if (a.unit && b.unit && a.unit.symbol === b.unit.symbol) return rounds(a.amount, b.amount, a, b, 'typed');
  if (a.unit && b.unit) {
    if (a.unit.dimension !== b.unit.dimension) return false;
    return (
      rounds(inBase(a, false), inBase(b, false), a, b, 'decimal') ||
      rounds(inBase(a, true), inBase(b, true), a, b, 'binary')
    );
  }
  const withUnit = a.unit ? a : b;
  const bare = a.unit ? b : a;
  if (rounds(bare.amount, withUnit.amount, bare, withUnit, 'typed')) return true;
  return (
    withUnit.unit?.dimension === RATIO &&
    rounds(bare.amount, withUnit.amount * withUnit.unit.factor, bare, withUnit, 'decimal')
  );
}
