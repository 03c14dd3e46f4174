import { blocks, isFunctionWord } from './asides.ts';
import { normalise } from './normalise.ts';
import { inQuestion, type Question } from './question.ts';
import { tokenise } from './tokens.ts';

// A word of the question said again may come in another form: "day" for "daily", "Tag" for "täglich", "jour" for
// "journalier". A word this short is too short to be read so: "sea" is no form of "season".
const SHORTEST_ECHO = 3; // letters
const LONGEST_ENDING = 4; // letters

/** True when a word of the question starts with the typed word, give or take a final y, and ends soon after. */
function echoesAsDerived(word: string, asked: readonly string[]): boolean {
  const root = word.replace(/y$/, '');
  if (word.length < SHORTEST_ECHO) return false;
  return asked.some((said) => said.startsWith(root) && said.length - word.length <= LONGEST_ENDING);
}

/** True when the text only says again what the question says, in its words and the deck's function words. */
function onlyEchoes(
  text: string,
  question: Question,
  asked: readonly string[],
  lang: string | undefined,
): boolean {
  const tokens = tokenise(text).filter((token) => token.kind !== 'separator');
  if (tokens.length === 0) return false;
  return tokens.every(
    (token) =>
      inQuestion(question, token) ||
      (token.kind === 'word' && (isFunctionWord(token.text, lang) || echoesAsDerived(token.text, asked))),
  );
}

/**
 * The answer without the words after it that only repeat the question's condition or rate: "4 g per day" when the
 * question asks for a daily dose, "100 °C at sea level", "9.8 m/s² near the surface". A rate or a condition the
 * question does not name ("4 g per hour") is kept, and left to the other rules. Each reading, shortest last.
 */
export function withoutEchoedContext(
  answer: string,
  question: Question | undefined,
  questionText: string | undefined,
  lang: string | undefined,
): readonly string[] {
  if (!question || !questionText || blocks(answer, lang ?? 'en')) return [];
  const typed = answer.trim().replace(/(\S)\/(\p{L}{3,})$/u, '$1 / $2');
  const words = typed.split(/\s+/);
  const asked = normalise(questionText).split(' ');
  const cores: string[] = [];
  for (let kept = words.length - 1; kept >= 1; kept--) {
    const rest = words.slice(kept);
    if (isPhraseAfter(rest, lang) && onlyEchoes(rest.join(' ').replace(/^\/ /, ''), question, asked, lang))
      cores.push(words.slice(0, kept).join(' '));
  }
  return cores;
}

/**
 * A rate after a slash ("/day"), or a phrase led by a preposition or an article ("per day", "at sea level"): a lone
 * word after a number is more often its unit ("230 A" is amperes, not "230 a").
 */
function isPhraseAfter(rest: readonly string[], lang: string | undefined): boolean {
  const [first = '', ...more] = rest;
  return first === '/' || (more.length > 0 && isFunctionWord(normalise(first), lang));
}
