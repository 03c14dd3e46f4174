import type { GraderVerdict } from '../verdict.ts';
import { codedThings, keyOf, kindOf } from './coded-things.ts';

/** What the coded things make of an answer: a verdict, or the card's aliases with the things' other names. */
export type CodedReading = { readonly verdict: GraderVerdict } | { readonly accept: readonly string[] };

const wordsOf = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .join(' ');

/** Whether the text has the words of the part, whole and in order ("norwegian bokmål" has "norwegian"). */
function holdsWords(text: string, part: string): boolean {
  const words = wordsOf(part);
  return words !== '' && ` ${wordsOf(text)} `.includes(` ${words} `);
}

/**
 * "Österreich", "AT" for "Austria", "JPY" or "¥" for "yen", "Deutsch" for "allemand": another name, the code or
 * the symbol of the thing the card names is right. Another thing's name is wrong, however close its letters
 * ("Australia" for "Austria", "Swiss franc" for "French franc", "Dutch" for "Danish"). A card asking for a code
 * ("DE") takes no name for it. Anything else (a slip, a hedge, a list) is judged with the other names as aliases.
 */
export function readCodedNames(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: { readonly lang?: string | undefined; readonly question?: string | undefined },
): CodedReading {
  const table = codedThings(card.lang);
  const forms = [expected, ...accept];
  const things = new Set(forms.flatMap((form) => [...table.named(form, card.question)]));
  if (things.size === 0 || forms.some((form) => keyOf(form) === keyOf(typedAnswer))) return { accept };
  const typed = table.named(typedAnswer, card.question);
  const asksCode = forms.every((form) => table.isCode(form));
  if (typed.size === 0)
    return asksCode
      ? { accept }
      : { accept: [...new Set([...accept, ...[...things].flatMap((thing) => table.namesOf(thing))])] };
  // "EU" to "What does the abbreviation EU stand for?" only says the question again.
  const echoes = holdsWords(card.question ?? '', typedAnswer);
  if ([...typed].some((thing) => things.has(thing)))
    return asksCode || echoes ? { accept } : { verdict: 'correct' };
  if (table.isCode(typedAnswer) !== asksCode) return { accept };
  // "Norwegian Bokmål" for "Norwegian": a language's own variety is left to the rest of the grader.
  const languages = [...things].every((thing) => kindOf(thing) === 'language');
  return languages && forms.some((form) => holdsWords(typedAnswer, form)) ? { accept } : { verdict: 'wrong' };
}
