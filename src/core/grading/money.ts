// The pound sterling in the six languages decks use; "pounds" alone is also a weight.
const STERLING = /£|\bgbp\b|\bsterling\b|\bsterline\b|\bpence\b/i;
const POUNDS = /\b(?:pounds?|pfund|libras?|livres?|sterline)\b/gi;

/**
 * The answer with "pounds" read as money when the card's answer is in pounds sterling ("50 pounds" for
 * "£50"); unchanged otherwise, so "5 pounds" stays a weight on a card about weights.
 */
export function withPoundsAsMoney(answer: string, forms: readonly string[]): string {
  return forms.some((form) => STERLING.test(form)) ? answer.replace(POUNDS, 'GBP') : answer;
}
