import { editDistance } from './edit-distance.ts';

// A word this short changed by one letter is more often another word than a slip, even inside a name.
const SHORTEST_SLIPPED_WORD = 4;
// A name: most of its words capitalised ("United Nations", "Milky Way", "Karl der Große").
const CAPITALISED = /^\p{Lu}/u;
// Digits and roman numerals are numbers, never slips: "John XXII" is another pope.
const NUMBER = /\d|^[ivxlcdm]+$/i;

function isName(words: readonly string[]): boolean {
  const capitalised = words.filter((word) => CAPITALISED.test(word)).length;
  return words.length >= 2 && capitalised >= 2 && capitalised * 2 > words.length;
}

/**
 * The card's name when the answer is that name with one of its words slipped by one letter, though the slip
 * spells another word ("Untied Nations", "Karl der Größe"): the name as a whole means nothing else, so a
 * teacher reads a slip. Undefined when no form is such a name or more than one word differs.
 */
export function nameWithSlipMended(answer: string, forms: readonly string[]): string | undefined {
  const typed = answer.trim().split(/\s+/);
  for (const form of forms) {
    const words = form.trim().split(/\s+/);
    if (words.length !== typed.length || !isName(words)) continue;
    const differing = words.flatMap((word, i) => {
      const other = typed[i] ?? '';
      return word.toLowerCase() === other.toLowerCase() ? [] : [[word.toLowerCase(), other.toLowerCase()]];
    });
    if (differing.length !== 1) continue;
    const [[word = '', other = ''] = []] = differing;
    if (word.length < SHORTEST_SLIPPED_WORD || NUMBER.test(word) || NUMBER.test(other)) continue;
    // A slip keeps the first letter: "Silky Way" is another name.
    if (word.charAt(0) === other.charAt(0) && editDistance(word, other, 1) === 1) return form;
  }
  return undefined;
}
