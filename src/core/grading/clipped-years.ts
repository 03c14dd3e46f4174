// "'89", "’89", "the '20s": a year or a decade written with its century clipped by an apostrophe.
const CLIPPED = /(?<![\p{L}\p{N}])['’‘](\d{2})(?!\d)/gu;
const YEARS = /(?<!\d)[12]\d{3}(?!\d)/g;

/**
 * The answer with a clipped year written whole, in the century of a year the card gives ("'89" for "1989",
 * "the '20s" for "the 1920s"); a clipped year the card has no year for is left as typed.
 */
export function withClippedYears(answer: string, texts: readonly string[]): string {
  if (!/['’‘]\d/.test(answer)) return answer;
  const years = texts.flatMap((text) => text.match(YEARS) ?? []);
  return answer.replace(CLIPPED, (clipped, digits: string) => {
    const year = years.find((whole) => whole.endsWith(digits));
    return year ?? clipped;
  });
}
