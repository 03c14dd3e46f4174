import type { GraderVerdict } from '../verdict.ts';
import type { DateParts, LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';
import type { Question } from './question.ts';

const YEAR = /^\s*(\d{3,4})\s*(?:ad|ce)?\s*$/i;
// A year of the common era as typed: "1492", "1492 AD", "AD 1492", "1492 C.E." (date readers skip the era); the
// other languages' eras ("476 d.C.", "476 n. Chr.") are normalise's to read as "ad".
const TYPED_YEAR = /^\s*(?:a\.?d\.?\s+)?(\d{3,4})(?:\s*(?:a\.?d|c\.?e)\.?)?\s*$/i;

function sameParts(typed: DateParts, expected: DateParts): boolean {
  return (
    (expected.year === undefined || typed.year === expected.year) &&
    (expected.month === undefined || typed.month === expected.month) &&
    (expected.day === undefined || typed.day === expected.day)
  );
}

// A date names a day when it gives its year, or its day and a month named in words ("4 July" for "July 4"):
// "3/4" is a fraction before it is the 3rd of April.
const namesADay = (parts: DateParts, text: string) =>
  parts.year !== undefined || (parts.month !== undefined && parts.day !== undefined && /\p{L}/u.test(text));

/**
 * A date in any format names the card's date ("1821-05-05", "5/5/1821", "May 5, 1821" for "5 May 1821";
 * "4th of July" for "July 4"); a fuller date names the year a card asks for ("October 1492" for "1492"). A
 * date missing a part the card gives ("May 1821" for "5 May 1821") does not.
 */
export function compareDates(
  typed: string,
  expected: string,
  kit: LanguageKit | undefined,
  question: Question | undefined,
): GraderVerdict {
  if (!kit) return 'wrong';
  const year = YEAR.exec(expected)?.[1];
  const wanted: readonly DateParts[] =
    year !== undefined ? (question?.asksYear ? [{ year: Number(year) }] : []) : kit.dates(expected);
  if (!wanted.some((parts) => namesADay(parts, expected))) return 'wrong';
  // Read folded too: "1945 n. Chr.", "1945 d.C." are "1945 ad".
  const typedYear = (TYPED_YEAR.exec(typed) ?? TYPED_YEAR.exec(normalise(typed)))?.[1];
  const given = typedYear !== undefined ? [{ year: Number(typedYear) }] : kit.dates(typed);
  return given.some((parts) => wanted.some((want) => sameParts(parts, want))) ? 'correct' : 'wrong';
}

/** "18th century" is also written "1700s" (a bare "1700s" read alone may be seconds, so the card says which). */
export function withCenturyYears(form: string): string[] {
  const century = /^\s*(\d{2})(?:st|nd|rd|th) century\s*$/i.exec(form)?.[1];
  return century === undefined ? [form] : [form, `${Number(century) - 1}00s`];
}
