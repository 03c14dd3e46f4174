import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';

/**
 * A card that asks for one form of a word (a past tense, a plural, the feminine) is not answered by another
 * form of it: "stops" for the past tense of "to stop" is wrong, though it is the same word to a reader who
 * only wants the meaning. A slip in the asked form ("stoped") stays a slip.
 */

/** Words of a question (folded) that ask for a form of a word, in the six languages decks use. */
export const ASKS_FORM = new RegExp(
  [
    'past tense|past simple|participle|plural|singular|gerund|comparative|superlative|infinitive|feminine|masculine|third person|conjugat',
    'femenino|masculino|participio|preterito|gerundio|mujer',
    'pluriel|feminin|participe|passe compose|imparfait',
    'weiblich|mannlich|partizip|prateritum|mehrzahl|einzahl',
    'plurale|femminile|maschile|donna|passato',
    'feminino|masculino|participio|mulher',
  ].join('|'),
);

const lastWord = (text: string) => normalise(text).split(' ').at(-1) ?? '';

/**
 * Wrong when the card asks for a form and the answer's last word is another form than every accepted one:
 * a dictionary word, or more than one letter from each. Otherwise the verdict as it was.
 */
export function withAskedForm(
  verdict: GraderVerdict,
  answer: string,
  forms: readonly string[],
  kit: LanguageKit | undefined,
): GraderVerdict {
  // Forms are asked of words: a quantity's unit is no word form ("2,45 metros" on a men's record card).
  if (verdict === 'wrong' || forms.some((form) => /\d/.test(form))) return verdict;
  const typed = lastWord(answer);
  const wanted = forms.map(lastWord);
  if (typed === '' || wanted.includes(typed)) return verdict;
  const isOtherWord =
    kit?.isEntry(typed) === true || wanted.every((word) => editDistance(typed, word, 2) > 1);
  return isOtherWord ? 'wrong' : verdict;
}
