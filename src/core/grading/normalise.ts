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

// Beyond this a fraction is more often a pair of numbers ("80/443") than a ratio.
const LARGEST_FRACTION_TERM = 99;

function decimal(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 21 });
}

// "6.02 × 10^23" and "6.02e23" become "6.02e23", and "10^-34" "em34", so that the minus survives folding.
function scientific(_: string, mantissa: string, sign: string, exponent: string): string {
  return `${mantissa}e${sign === '-' ? 'm' : ''}${Number(exponent)}`;
}

function fraction(match: string, before: string, numerator: string, denominator: string): string {
  const [a, b] = [Number(numerator), Number(denominator)];
  if (a > LARGEST_FRACTION_TERM || b > LARGEST_FRACTION_TERM || b < 2) return match;
  return `${before}${decimal(a / b)}`;
}

/**
 * Folds what a careful marker ignores (case, accents, apostrophes, quotes, brackets, hyphens) into
 * lowercase words separated by single spaces. List separators (`,` `;` `/` `+` and `&` as "and")
 * stay as words of their own, and dots stay only inside numbers ("1.5", "10.0.0.1").
 */
export function normalise(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[ßæœøłđðþıμ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
      .replace(/['’‘`´]/g, '')
      .replace(/[−–]/g, '-')
      .replace(/(\d+(?:\.\d+)?)\s*(?:[x×*·]|times)\s*10\s*\^\s*([-+]?)\s*(\d+)/g, scientific)
      .replace(/(\d+(?:\.\d+)?)e([-+]?)(\d+)\b/g, scientific)
      .replace(/(^|[\s(=:])\+(?=\d)/g, '$1')
      .replace(/(^|[\s(=:])-\s?(?=\d)/g, '$1minus ')
      .replace(/(^|[^\d./])(\d+)\s*\/\s*(\d+)(?![\d./])/g, fraction)
      .replace(/([a-z])\+\+/g, '$1pp')
      .replace(/([a-z])#/g, '$1sharp')
      .replace(/(\d+(?:\.\d+)?)\s*\^\s*(\d+)/g, power)
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      // A comma written tight between digits, not before a group of three, is a decimal comma ("3,14").
      .replace(/(^|[^\d,.])(\d+),(\d{1,2})(?![\d,])/g, '$1$2.$3')
      .replace(/(^|[^\d.])\.(\d)/g, (_, before: string, digit: string) => `${before}0.${digit}`)
      .replace(/(\d)\s*\/\s*(tcp|udp)\b/g, '$1 $2')
      .replace(/\bversion\s+(\d)/g, 'v$1')
      .replace(/%/g, ' percent ')
      .replace(/&/g, ' and ')
      .replace(/[,;/+]/g, ' $& ')
      .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
      .replace(/[^a-z0-9.,;/+\s]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
