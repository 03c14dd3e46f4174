import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';

// Words a teacher reads past before a noun: an article, and at most this many words that narrow it.
const ARTICLE = /^(?:a|an|the)$/i;
const MOST_MODIFIERS = 2;
// A word of three letters or more: "of" in "city of London" joins a phrase, it does not narrow a noun.
const WORD = /^\p{L}[\p{L}'’-]{2,}$/u;

/** An answer read as words before one of the card's forms, and that form's words as typed. */
interface Split {
  readonly modifiers: readonly string[];
  readonly head: string;
  readonly form: string;
}

function splits(answer: string, forms: readonly string[]): Split[] {
  const words = answer.trim().split(/\s+/);
  const found: Split[] = [];
  if (words.length < 2) return found;
  for (const form of forms) {
    const size = form.trim().split(/\s+/).length;
    if (words.length <= size || words.length > size + MOST_MODIFIERS + 1) continue;
    const modifiers = words.slice(0, -size);
    while (modifiers.length > 0 && ARTICLE.test(modifiers[0] ?? '')) modifiers.shift();
    if (modifiers.length === 0 || modifiers.length > MOST_MODIFIERS) continue;
    if (!modifiers.every((word) => WORD.test(word))) continue;
    const head = words.slice(-size).join(' ');
    if (normalise(head) !== '') found.push({ modifiers, head, form });
  }
  return found;
}

/**
 * The ends of the answer that stand for one of the card's forms when the words before only narrow it, as the
 * language's data tells: "brown rice" for "rice", "a male lion" for "lion", "grand piano" for "piano"; not
 * "sea lion", "wild rice" or "East Germany", which name other things. A head may still hold a slip.
 */
export function narrowedHeads(
  answer: string,
  forms: readonly string[],
  kit: LanguageKit | undefined,
): string[] {
  const narrows = kit?.narrows;
  if (!narrows) return [];
  return splits(answer, forms)
    .filter(({ modifiers, form }) => narrows(modifiers, form))
    .map(({ head }) => head);
}

/**
 * True when the answer is one of the card's forms with words before it that make a word of their own for another
 * thing ("sea lion", "mountain lion" for "lion"), so the form inside it is no answer. Never the card's own form.
 */
export function namesAnotherThing(
  answer: string,
  forms: readonly string[],
  kit: LanguageKit | undefined,
): boolean {
  const another = kit?.namesAnotherThing;
  if (!another) return false;
  const found = splits(answer, forms).some(
    ({ modifiers, head, form }) => normalise(head) === normalise(form) && another(modifiers, form),
  );
  return found && !forms.some((form) => normalise(form) === normalise(answer));
}
