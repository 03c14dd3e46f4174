import { readNumberWords, scaleOf, splitGluedNumberWord } from './number-words.ts';
import { isUnit, readUnit, type Unit } from './units.ts';

export interface NumberToken {
  readonly kind: 'number';
  /** Canonical spelling, so "100 ms" and "100 milliseconds" read alike. */
  readonly text: string;
  /** The number as written, before its unit: 100 for "100 ms". */
  readonly amount: number;
  readonly unit: Unit | undefined;
  /** First letter as typed, for acronyms: "first in first out" is FIFO. */
  readonly initial: string;
}

const SHORT_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['bn', 1e9],
]);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

function scale(word: string | undefined): number | undefined {
  return scaleOf(word) ?? (word === undefined ? undefined : SHORT_SCALES.get(word));
}

/** Splits "100ms", "1.5k", "16mb" and "1st" so that number and unit read as separate words. */
export function splitNumberWord(word: string): string[] {
  const glued = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(word);
  if (!glued?.[1] || !glued[2]) return splitGluedNumberWord(word);
  const [, digits, suffix] = glued;
  if (ORDINAL_SUFFIXES.has(suffix)) return [digits];
  return isUnit(suffix) || scale(suffix) !== undefined ? [digits, suffix] : [word];
}

function readDigits(words: readonly string[], index: number): { amount: number; next: number } | undefined {
  const word = words[index];
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
  return { amount: Number(digits), next };
}

/** Reads a number with its optional scale ("1.5 million") and unit ("10 ms") starting at `index`. */
export function readQuantity(
  words: readonly string[],
  index: number,
): { token: NumberToken; next: number } | undefined {
  const read = readDigits(words, index) ?? readNumberWords(words, index);
  if (!read) return undefined;
  let { amount, next } = read;
  const multiplier = scale(words[next]);
  if (multiplier !== undefined) {
    amount *= multiplier;
    next += 1;
  }
  const unit = readUnit(words, next);
  const token: NumberToken = {
    kind: 'number',
    text: `${amount}${unit?.unit.symbol ?? ''}`,
    amount,
    unit: unit?.unit,
    initial: words[index]?.charAt(0) ?? '',
  };
  return { token, next: unit?.next ?? next };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * Two quantities agree when they are the same amount of the same dimension ("2 h" = "120 min"),
 * with data sizes read in powers of ten or of two alike ("1 GB" = "1000 MB" = "1024 MB").
 * A bare number agrees with the number a unit was given with ("30" for "30 seconds"), and with a
 * ratio's value ("0.75" for "75%").
 */
export function sameQuantity(a: NumberToken, b: NumberToken): boolean {
  if (a.unit && b.unit) {
    if (a.unit.dimension !== b.unit.dimension) return false;
    return (
      near(a.amount * a.unit.factor, b.amount * b.unit.factor) ||
      near(a.amount * a.unit.binaryFactor, b.amount * b.unit.binaryFactor)
    );
  }
  const withUnit = a.unit ? a : b;
  const bare = a.unit ? b : a;
  if (near(bare.amount, withUnit.amount)) return true;
  return withUnit.unit?.dimension === 'ratio' && near(bare.amount, withUnit.amount * withUnit.unit.factor);
}
