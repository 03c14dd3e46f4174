import type { GraderVerdict } from '../verdict.ts';

// "x =", "Z =", "pH =": a short name given a value.
const NAMED = /^\s*[a-z][a-z0-9]{0,2}\s*=\s*/i;
const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const PLUS_MINUS = new RegExp(String.raw`^(?:±|\+\/-|\+-)\s*(${NUMBER})$`);
const SIGNED = new RegExp(String.raw`^([-−+]?)\s*(${NUMBER})$`);
// Between the values of an answer: "4 or -4", "4 and -4", "-4, 4", "4 o -4", "4 ou -4", "4 oder -4".
const BETWEEN = /\s*(?:[,;]|\b(?:or|and|o|y|ou|et|oder|und)\b)\s*/i;

const amountOf = (digits: string) => Number(digits.replace(',', '.'));

const NAMED_NUMBER = new RegExp(String.raw`^\s*[a-z][a-z0-9]{0,2}\s*=\s*(-?${NUMBER})\s*$`, 'i');

/** A card's "x = 2" is answered "2" too: the value is what was asked. */
export function withValueStated(form: string): string[] {
  const value = NAMED_NUMBER.exec(form)?.[1];
  return value === undefined ? [form] : [form, value];
}

/** The answer without a name given a number ("Z = 6" is "6"), when the card's answers name none. */
export function statedValue(answer: string, texts: readonly string[]): string {
  if (texts.some((text) => text.includes('='))) return answer;
  const named = NAMED.exec(answer);
  const value = named ? answer.slice(named[0].length) : '';
  // Only a value: "u=rwx,go=rx" names no number.
  return /^\s*[-−+±]?\s*\d/.test(value) ? value : answer;
}

/**
 * "x = ±4" answered with both of its values in any order ("4 or -4", "x = 4 or x = -4", "-4, 4") or as "±4":
 * correct. Undefined when the card's answer is not such a pair, or the answer does not give two values.
 */
export function comparePlusMinus(answer: string, texts: readonly string[]): GraderVerdict | undefined {
  const pairs = texts.flatMap((text) => {
    const found = PLUS_MINUS.exec(text.replace(NAMED, '').trim());
    return found?.[1] === undefined ? [] : [amountOf(found[1])];
  });
  if (pairs.length === 0) return undefined;
  const typed = answer.replace(NAMED, '').trim();
  const both = PLUS_MINUS.exec(typed);
  if (both?.[1] !== undefined) return pairs.includes(amountOf(both[1])) ? 'correct' : 'wrong';
  const values = typed.split(BETWEEN).map((part) => SIGNED.exec(part.replace(NAMED, '').trim()));
  if (values.length !== 2 || values.some((value) => !value)) return undefined;
  const [a, b] = values.map(
    (value) => (value?.[1] === '' || value?.[1] === '+' ? 1 : -1) * amountOf(value?.[2] ?? ''),
  );
  return pairs.some((pair) => a !== undefined && b !== undefined && a === -b && Math.abs(a) === pair)
    ? 'correct'
    : 'wrong';
}
