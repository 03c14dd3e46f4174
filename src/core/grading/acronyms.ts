import { isFiller } from './extras.ts';
import { stem } from './stem.ts';
import { type Token, tokenise } from './tokens.ts';

const SHORTEST = 2;
const LONGEST = 8;

function initials(tokens: readonly Token[]): string[] {
  const words = tokens.filter((token) => token.kind !== 'separator');
  const byLetter = words.map((token) => (token.kind === 'number' ? token.initial : token.text.charAt(0)));
  const byValue = words.map((token) => (token.kind === 'number' ? token.text : token.text.charAt(0)));
  return [byLetter.join(''), byValue.join('')];
}

// The last word is kept, filler or not: "the UN" is UN, though French "un" is an article.
function withoutLeadingFiller(tokens: readonly Token[]): readonly Token[] {
  const first = tokens.findIndex((token, index) => !isFiller(token) || index === tokens.length - 1);
  return first < 0 ? [] : tokens.slice(first);
}

// "Kernel-based Virtual Machine" is KVM: a hyphenated compound gives one letter, not two.
function initialsOf(text: string, tokens: readonly Token[]): string[] {
  if (!text.includes('-')) return initials(tokens);
  return [...initials(tokens), ...initials(withoutLeadingFiller(tokenise(text.replace(/-/g, ''))))];
}

// Letters, with digits allowed where a number word stood: "3NF" is "third normal form".
function isAcronym(token: Token | undefined): token is Token {
  return (
    token?.kind === 'word' &&
    token.text.length >= SHORTEST &&
    token.text.length <= LONGEST &&
    /^[a-z0-9]*[a-z][a-z0-9]*$/.test(token.text)
  );
}

/**
 * True when one side is the initials of the other: "HPA" and "horizontal pod autoscaler".
 * A spelled-out answer is read as an acronym's expansion only when `expand` is set, because a card
 * that spells its answer out must be matched word by word, typos and all.
 */
export function isAcronymMatch(
  answerText: string,
  answer: readonly Token[],
  formText: string,
  form: readonly Token[],
  expand: boolean,
): boolean {
  const typed = withoutLeadingFiller(answer);
  const [onlyTyped] = typed;
  if (typed.length === 1 && isAcronym(onlyTyped) && form.length > 1) {
    const candidates = initialsOf(formText, withoutLeadingFiller(form));
    return candidates.includes(onlyTyped.text) || candidates.includes(stem(onlyTyped.text));
  }
  const [onlyExpected] = form;
  if (expand && form.length === 1 && isAcronym(onlyExpected) && typed.length > 1) {
    return initialsOf(answerText, typed).includes(onlyExpected.text);
  }
  return false;
}
