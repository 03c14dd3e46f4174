// Marks on Latin letters: the accents a marker reads past ("é", "ü", "ñ"), not the letters of other scripts.
const LATIN_MARK = /(?<=\p{Script=Latin})\p{M}+/gu;

function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(LATIN_MARK, '').normalize('NFC');
}

/**
 * True when the answer writes a word of the card without the accents the card gives it ("Pacifico" for
 * "Pacífico", "ecole" for "école"): the right word, marked close as a teacher would. A form the card accepts
 * as written ("Bruecke", "coeur", an alias without accents) drops nothing.
 */
export function dropsAccents(answer: string, forms: readonly string[]): boolean {
  const written = new Set(forms.flatMap(wordsOf));
  const unaccented = new Set(
    [...written].filter((word) => withoutAccents(word) !== word).map(withoutAccents),
  );
  if (unaccented.size === 0) return false;
  return wordsOf(answer).some((word) => !written.has(word) && unaccented.has(word));
}

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
): boolean {
  const written = new Set(forms.flatMap(wordsOf));
  const plain = new Map([...written].map((word) => [withoutAccents(word), word]));
  return wordsOf(answer).some((word) => {
    if (written.has(word) || word.length < SHORTEST_ACCENTED_WORD) return false;
    const meant = plain.get(withoutAccents(word));
    return meant !== undefined && meant !== word && isAccentedEntry(word);
  });
}
