/**
 * How many edits a word may carry and still count as a typo, by the length of the card's word.
 * Tokens of three characters or fewer ("TCP", "pip", "key") tolerate none: one letter off is another word.
 */
export const TYPO_ALLOWANCE = [
  { longest: 3, edits: 0 },
  { longest: 7, edits: 1 },
  { longest: 11, edits: 2 },
  { longest: Number.POSITIVE_INFINITY, edits: 3 },
] as const;

export function typoAllowance(length: number): number {
  return TYPO_ALLOWANCE.find((step) => length <= step.longest)?.edits ?? 0;
}
