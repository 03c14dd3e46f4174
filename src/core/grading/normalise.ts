const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  μ: 'u', // NFKD turns the micro sign into a Greek mu: "µs" is "us"
};

// Beyond this a power no longer prints as plain digits.
const LARGEST_EXPONENT = 15;

function power(match: string, base: string, exponent: string): string {
  return Number(exponent) > LARGEST_EXPONENT ? match : String(Number(base) ** Number(exponent));
}

/**
 * Folds what a careful marker ignores (case, accents, apostrophes, quotes, brackets, hyphens) into
 * lowercase words separated by single spaces. List separators (`,` `;` `/` `+` and `&` as "and")
 * stay as words of their own, and dots stay only inside numbers ("1.5", "10.0.0.1").
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıμ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/['’‘`´]/g, '')
    .replace(/([a-z])\+\+/g, '$1pp')
    .replace(/([a-z])#/g, '$1sharp')
    .replace(/(\d+(?:\.\d+)?)\s*\^\s*(\d+)/g, power)
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/(^|[^\d.])\.(\d)/g, (_, before: string, digit: string) => `${before}0.${digit}`)
    .replace(/(\d)\s*\/\s*(tcp|udp)\b/g, '$1 $2')
    .replace(/\bversion\s+(\d)/g, 'v$1')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/[,;/+]/g, ' $& ')
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/[^a-z0-9.,;/+\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
