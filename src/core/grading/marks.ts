// Marks on Latin letters: the accents a marker reads past ("é", "ü", "ñ"), not the letters of other scripts.
const LATIN_MARK = /(?<=\p{Script=Latin})\p{M}+/gu;
// Letters written with a stroke or without a dot rather than a mark: "Mikolaj" drops the stroke of "Mikołaj"
// as "Pacifico" drops the accent of "Pacífico".
/** Hebrew final letters and the Greek final sigma: shapes of one letter at the end of a word ("שלומ" misspells "שלום"). */
export const FINAL_LETTERS: Readonly<Record<string, string>> = {
  ך: 'כ',
  ם: 'מ',
  ן: 'נ',
  ף: 'פ',
  ץ: 'צ',
  ς: 'σ',
};
const STROKED: Readonly<Record<string, string>> = {
  ł: 'l',
  ı: 'i',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ...FINAL_LETTERS,
};
const STROKED_LETTERS = /[łıøđħŧךםןףץς]/g;

// Languages whose marks are tones: "phố" (street) is not "phở" (noodle soup), as "mài" is not "mǎi".
const TONE_MARKED = new Set(['vi', 'yo']);

/** The word without accents, strokes or dots: "łyżka" is "lyzka", "kız" is "kiz". */
export function withoutMarks(word: string): string {
  return word
    .normalize('NFD')
    .replace(LATIN_MARK, '')
    .replace(STROKED_LETTERS, (letter) => STROKED[letter] ?? letter)
    .normalize('NFC');
}

/**
 * The ways a typed word may be meant in lowercase: a capital "I" is "i", or Turkish "ı" ("KIZ" is "kız"), and
 * "İ" is "i" ("İstanbul", "istanbul" and "Istanbul" are one city).
 */
function lowercaseReadings(word: string): readonly string[] {
  const plain = word.replace(/İ/g, 'i').normalize('NFC').toLowerCase();
  return word.includes('I') ? [plain, word.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase()] : [plain];
}

/** The words of a text, each in its lowercase readings. */
export function wordsOf(text: string): readonly (readonly string[])[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean)
    .map(lowercaseReadings);
}

/** The lowercase words of the card's forms, as written. */
export function writtenWords(forms: readonly string[]): ReadonlySet<string> {
  return new Set(forms.flatMap((form) => wordsOf(form).map((readings) => readings[0] ?? '')));
}

/**
 * How an answer marks the words of the card: `dropped` when it writes one without the accents the card gives
 * it ("Pacifico" for "Pacífico"), `changed` when with other marks or marks the card does not write ("eén" for
 * "één", "sımit" for "simit"), undefined when it writes every word as the card does. A form the card accepts
 * as written drops nothing.
 */
export function markSlip(answer: string, forms: readonly string[]): 'dropped' | 'changed' | undefined {
  const written = writtenWords(forms);
  const plain = new Set([...written].map(withoutMarks));
  let slip: 'dropped' | 'changed' | undefined;
  for (const readings of wordsOf(answer)) {
    if (readings.some((word) => written.has(word))) continue;
    const [word = ''] = readings;
    if (!plain.has(withoutMarks(word))) continue;
    if (withoutMarks(word) !== word) return 'changed';
    slip = 'dropped';
  }
  return slip;
}

/** The answer's words that write a word of the card without the marks the card gives it ("corazon" for "corazón"). */
export function unmarkedWords(answer: string, forms: readonly string[]): readonly string[] {
  const written = writtenWords(forms);
  const plain = new Set([...written].filter((word) => withoutMarks(word) !== word).map(withoutMarks));
  return wordsOf(answer)
    .map(([word = '']) => word)
    .filter((word) => !written.has(word) && plain.has(word));
}

/** True when the language writes tones with its marks, so other marks make another word. */
export function marksAreTones(lang: string): boolean {
  return TONE_MARKED.has(lang);
}
