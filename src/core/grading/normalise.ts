import { FINAL_LETTERS } from './marks.ts';

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
  ...FINAL_LETTERS,
};

// A Greek letter standing alone is a symbol, read by its name ("π" is "pi", "Δ" is "delta"); the capital
// omega alone is the unit ohm. Inside a Greek word the letters stay letters.
const GREEK_NAMES: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const LONE_OMEGA = /(?<!\p{L})Ω(?!\p{L})/gu;
const LONE_GREEK_LETTER = /(?<!\p{L})[α-ω](?!\p{L})/gu;
// Beside Greek words a lone Greek letter is a word too: the article in "η θάλασσα".
const GREEK_WORD = /\p{Script=Greek}{2}/u;

// Accents are folded on the alphabets where a marker ignores them (Latin, Greek, Cyrillic, and the optional vowel
// points of Arabic and Hebrew); elsewhere a mark is part of the letter (Japanese "が" is not "か", Hindi vowel
// signs are vowels). Cyrillic "й" and "ў" are letters of their own ("мой" is not "мои"), while "ё" is "е".
const FOLDED_MARKS =
  /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}]\p{M}*)\p{M}(?<![иИуУ]\u0306)/gu;

// A sign is one sign however it is typed: "<=", "=<" and "⩽" are "≤", "->" and "=>" the arrow "→" (a marker reads
// "⇒" as the same implication), "!=" is "≠"; the music signs are their names. Read as a word, where folding would
// otherwise drop every one of them alike ("≤" and "≥" both to nothing).
const SIGN_NAMES: Readonly<Record<string, string>> = {
  '<=>': 'leftrightarrow',
  '<->': 'leftrightarrow',
  '↔': 'leftrightarrow',
  '⇔': 'leftrightarrow',
  '⟺': 'leftrightarrow',
  '->': 'rightarrow',
  '=>': 'rightarrow',
  '→': 'rightarrow',
  '⇒': 'rightarrow',
  '⟶': 'rightarrow',
  '⟹': 'rightarrow',
  '<-': 'leftarrow',
  '←': 'leftarrow',
  '⇐': 'leftarrow',
  '<=': 'leq',
  '=<': 'leq',
  '≤': 'leq',
  '⩽': 'leq',
  '>=': 'geq',
  '≥': 'geq',
  '⩾': 'geq',
  '!=': 'neq',
  '≠': 'neq',
  '♯': 'sharp',
  '♭': 'flat',
  '♮': 'natural',
};
// Longest first: "<->" before "<-", "<=>" before "<=" and "=>". None of these signs is special in a pattern.
const SIGNS = new RegExp(
  Object.keys(SIGN_NAMES)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);

const FILE_PATH = /(?<![\p{L}\p{N}./])~?(?:\/[\p{L}\p{N}._-]+)+\/?/gu;

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

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (sign: string) =>
  sign === '⁻' ? '-' : sign === '⁺' ? '+' : String(SUPERSCRIPTS.indexOf(sign));
const CURRENCIES: Readonly<Record<string, string>> = { $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy' };

/**
 * Folds what a careful marker ignores (case, accents, apostrophes, quotes, brackets, hyphens) into
 * lowercase words separated by single spaces. List separators (`,` `;` `/` `+` and `&` as "and")
 * stay as words of their own, and dots stay only inside numbers ("1.5", "10.0.0.1").
 */
export function normalise(text: string): string {
  return (
    text
      // "10²³" and "10⁻³" are powers, before NFKD folds them into the digits "1023" and "10-3".
      .replace(/10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, power: string) => `10^${[...power].map(superscript).join('')}`)
      // A unit's power: "m s^-2" and "m s⁻²" are "m per s2", "g mol⁻¹" is "g per mol", "m^3" and "m³" are "m3".
      .replace(
        /(\p{L}+)\s?(?:\^\s?([-−]?)\s?([1-4])|(⁻?)([¹²³⁴]))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])/gu,
        (_, unit: string, minus = '', digit = '', superMinus = '', superDigit = '') => {
          const exponent = digit || superscript(superDigit);
          const shown = `${unit}${exponent === '1' ? '' : exponent}`;
          return minus || superMinus ? ` per ${shown}` : shown;
        },
      )
      .replace(SIGNS, (sign) => ` ${SIGN_NAMES[sign]} `)
      // The ordinal sign typed for the degree sign: "ºC".
      .replace(/º(?=\s?[CF]\b)/g, '°')
      // Per mille, a thousandth: "0.5‰". "約3800", "约3.14": "about", written tight against the number.
      .replace(/‰/g, ' permille ')
      .replace(/([約约])(?=\d)/gu, '$1 ')
      // Money: "$50" and "50 €" are amounts of a currency, never of another.
      .replace(
        /([$€£¥])\s?(\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|k)\b)?)/g,
        (_, sign: string, amount: string) => ` ${amount} ${CURRENCIES[sign]} `,
      )
      .replace(/(\d)\s?([$€£¥])/g, (_, digit: string, sign: string) => `${digit} ${CURRENCIES[sign]} `)
      .normalize('NFKD')
      // "½" folds to "1⁄2": a fraction.
      .replace(/⁄/g, '/')
      .replace(FOLDED_MARKS, '')
      .replace(LONE_OMEGA, ' ohm ')
      .toLowerCase()
      .replace(/[ßæœøłđðþıךםןףץς]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
      // NFKD turns the micro sign into a Greek mu: "µs" is "us", while Greek words keep their μ.
      .replace(/μ(?![\p{Script=Greek}])/gu, 'u')
      .replace(LONE_GREEK_LETTER, (letter, _at: number, text: string) =>
        GREEK_WORD.test(text) ? letter : ` ${GREEK_NAMES[letter] ?? letter} `,
      )
      // French and Italian elision: "l'eau" is the article and "eau", "dell'acqua" is "dell" and "acqua".
      .replace(/(?<!\p{L})(l|d|j|m|n|s|t|c|qu|dell|all|nell|sull|dall)['’](?=\p{L})/gu, '$1 ')
      .replace(/['’‘`´]/g, '')
      // "the 1700s" is the 18th century (a bare "1800s" may be half an hour); "0xff" is 255.
      .replace(
        /\b(the|early|late|mid) (1\d|20)00s\b/g,
        (_, before: string, hundreds: string) => `${before} ${Number(hundreds) + 1}th century`,
      )
      .replace(/\b0x([0-9a-f]{1,8})\b/g, (_, hex: string) => String(Number.parseInt(hex, 16)))
      .replace(/[−–]/g, '-')
      // A dash between two numbers is a range: "60-100" is "60 to 100", not the thousands "60 100".
      .replace(/(\d)\s?-\s?(?=\d)/g, '$1 to ')
      // "between 60 and 100" is the range "60 to 100", in the six languages decks use.
      .replace(/\b(?:between|entre|zwischen|tra|fra) (\d+(?:[.,]\d+)?) (?:and|y|et|und|e) (?=\d)/g, '$1 to ')
      .replace(/(\d+(?:\.\d+)?)\s*(?:[x×*·]|times)\s*10\s*\^\s*([-+]?)\s*(\d+)/g, scientific)
      .replace(/(\d+(?:\.\d+)?)e([-+]?)(\d+)\b/g, scientific)
      // "±4" is two values: it is neither "4" nor "-4" alone.
      .replace(/(^|[\s(=:])(?:±|\+\/-)\s?(?=\d)/g, '$1plusminus ')
      .replace(/(^|[\s(=:])\+(?=\d)/g, '$1')
      .replace(/(^|[\s(=:])-\s?(?=\d)/g, '$1minus ')
      // Before the Christian or common era: "44 BC", "44 BCE", "44 B.C." are one year, as are "44 a.C.", "44 v. Chr.",
      // "44 av. J.-C." in the other languages decks use.
      .replace(
        /(\d|\bcentury)\s?(?:bce|b\.c\.e\.?|b\.c\.?|a\.\s?c\.|v\.\s?chr\.?|av\.\s?j\.?-?c\.?)(?!\p{L})/gu,
        '$1 bc',
      )
      // "1 in 4", "3 out of 4": a share.
      .replace(/(^|\s)(\d{1,2}) (?:in|out of) (\d{1,2})(?=\s|$)/g, '$1$2/$3')
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
      // A file path is one name, not a list: "/etc/passwd", "~/.ssh/config".
      .replace(FILE_PATH, (path) => path.replace(/\//g, ' '))
      .replace(/%/g, ' percent ')
      .replace(/&/g, ' and ')
      .replace(/[,;/+]/g, ' $& ')
      .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
      // Letters of every alphabet stay: an answer in Cyrillic, Greek, Arabic or Japanese is words too.
      .replace(/[^\p{L}\p{N}\p{M}.,;/+\s]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .normalize('NFC')
  );
}
