/**
 * A few unit names mean two things, and the card's answer says which: "pounds" are sterling beside "£50" and a
 * weight beside "5 lb"; "C" is the coulomb beside "1.6e-19 C" and the degree only when written "°C".
 */

// The pound sterling in the six languages decks use; "pounds" alone is also a weight.
const STERLING = /£|\bgbp\b|\bsterling\b|\bsterline\b|\bpence\b/i;
const POUNDS = /\b(?:pounds?|pfund|libras?|livres?|sterline)\b/gi;
// A "C" after a number with no degree sign before it: the coulomb.
const COULOMB_SYMBOL = /\d\s*C\b/;
const COULOMBS = /\bcoulombs?\b/gi;

/**
 * The answer with "pounds" read as money when the card's answer is in pounds sterling ("50 pounds" for "£50";
 * a card that writes the word, "pound sterling", reads it as written), and "coulombs" written "C" when the card
 * writes the coulomb so; unchanged otherwise.
 */
export function withUnitsAsTheCardMeans(answer: string, forms: readonly string[]): string {
  let typed = answer;
  const saysPounds = forms.some((form) => form.search(POUNDS) >= 0);
  if (!saysPounds && forms.some((form) => STERLING.test(form))) typed = typed.replace(POUNDS, 'GBP');
  if (forms.some((form) => COULOMB_SYMBOL.test(form))) typed = typed.replace(COULOMBS, 'C');
  return typed;
}
