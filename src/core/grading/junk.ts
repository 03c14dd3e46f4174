import { isFiller } from './extras.ts';
import type { Token } from './tokens.ts';

// Whole answers that only say "no answer".
const NON_ANSWERS = new Set([
  'idk',
  'dunno',
  'pass',
  'skip',
  'nothing',
  'nope',
  'no',
  'none',
  'unknown',
  'n a',
]);

// Phrases that give up, wherever they stand: "idk, maybe TCP" does not name TCP as the answer.
const GIVING_UP = /\b(idk|dunno|no idea|no clue|not sure|dont know|do not know|cant remember|forgot)\b/;

/**
 * True for empty, punctuation-only and "I don't know" answers. A word of the card's own answer (`own`, by stem)
 * is no filler there: "es Na" names sodium, though Portuguese "na" is an article.
 */
export function isNonAnswer(tokens: readonly Token[], own: ReadonlySet<string> = new Set()): boolean {
  const said = (token: Token) => token.kind !== 'separator' && (!isFiller(token) || own.has(token.text));
  if (!tokens.some(said)) return true;
  const text = tokens.map((token) => token.text).join(' ');
  return NON_ANSWERS.has(text) || GIVING_UP.test(text);
}
