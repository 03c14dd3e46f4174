import { withoutMarks, wordsOf, writtenWords } from './marks.ts';

// Below this, accents mostly tell little words apart ("a"/"à", "ou"/"où" in "à la carte"), which a marker reads past.
const SHORTEST_ACCENTED_WORD = 3; // letters

/**
 * True when the answer writes a word of the card with other accents, or none, and so writes another word the
 * dictionary lists: "ano" for "año", "Kuchen" for "Küchen", "avó" for "avô".
 */
export function accentsMakeOtherWord(
  answer: string,
  forms: readonly string[],
  isAccentedEntry: (word: string) => boolean,
  shortest: number = SHORTEST_ACCENTED_WORD,
): boolean {
  const written = writtenWords(forms);
  const plain = new Map([...written].map((word) => [withoutMarks(word), word]));
  const words = wordsOf(answer);
  // A little word that is the whole answer is what the card asks, accent and all: "ou" for "où", "te" for "té".
  const least = words.length === 1 && forms.some((form) => wordsOf(form).length === 1) ? 1 : shortest;
  return words.some(([word = '']) => {
    if (written.has(word) || word.length < least) return false;
    const meant = plain.get(withoutMarks(word));
    return meant !== undefined && meant !== word && isAccentedEntry(word);
  });
}
