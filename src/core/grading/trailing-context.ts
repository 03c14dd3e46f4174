import { isFunctionWord } from './asides.ts';
import { normalise } from './normalise.ts';

const WORD = /^\p{L}[\p{L}\p{M}]*[.!]?$/u;

/**
 * The answer without its last word, when what comes before that word is one of the card's forms exactly, or one
 * after an article: "ευχαριστώ πολύ" for "ευχαριστώ" (thanks a lot), "phở bò" for "phở" (beef pho). In a
 * language other than English, one word added after the whole answer mostly says more of it; a word before it
 * ("South" before "Africa") more often names something else, and is not taken off.
 */
export function withoutTrailingWord(
  answer: string,
  forms: readonly string[],
  lang?: string,
): string | undefined {
  const words = answer.trim().split(/\s+/);
  const last = words.at(-1);
  if (words.length < 2 || !last || !WORD.test(last)) return undefined;
  const head = words.slice(0, -1).join(' ');
  const typed = normalise(head);
  // "el león macho", "l'elefante africano": an article before the answer, as before it alone.
  const [first = '', ...rest] = typed.split(' ');
  const bare = rest.length > 0 && isFunctionWord(first, lang) ? rest.join(' ') : undefined;
  return forms.some((form) => [typed, bare].includes(normalise(form))) ? head : undefined;
}
