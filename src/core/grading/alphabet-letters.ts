// Languages where marked letters are letters of the alphabet, not accents on one: Swedish "år" (year) and "är"
// (is), Danish "år" and "ar" (scar), Polish "żona" and "zona", however short the word.
const MARKS_ARE_LETTERS = new Set([
  'sv',
  'da',
  'nb',
  'nn',
  'no',
  'fi',
  'et',
  'is',
  'pl',
  'cs',
  'sk',
  'hu',
  'tr',
  'az',
  'ro',
  'lv',
  'lt',
  'hr',
  'sl',
]);

/** True when the language's marked letters are letters of their own ("å" is not an "a" with a ring). */
export function marksAreLetters(lang: string): boolean {
  return MARKS_ARE_LETTERS.has(lang);
}
