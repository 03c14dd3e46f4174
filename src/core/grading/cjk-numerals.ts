// Chinese and Japanese numerals: digits, the multipliers ten to a hundred million, and a decimal point.
const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1_000 };
const LARGE: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 億: 1e8, 亿: 1e8 };
const RUN = /[〇零一二两兩三四五六七八九十百千万萬億亿]+(?:[点點][〇零一二三四五六七八九]+)?/gu;

// "一八六八" is read digit by digit; "千八百六十八" by its multipliers (a multiplier alone is one of it).
function wholeValue(run: string): number {
  const chars = [...run];
  if (chars.every((char) => char in DIGITS)) return Number(chars.map((char) => DIGITS[char]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of chars) {
    const small = SMALL[char];
    const large = LARGE[char];
    if (small !== undefined) {
      section += (digit || 1) * small;
      digit = 0;
    } else if (large !== undefined) {
      total += (section + digit || 1) * large;
      section = 0;
      digit = 0;
    } else digit = DIGITS[char] ?? 0;
  }
  return total + section + digit;
}

function value(run: string): string {
  const [whole = '', fraction] = run.split(/[点點]/u);
  const digits = fraction === undefined ? '' : `.${[...fraction].map((char) => DIGITS[char]).join('')}`;
  return `${wholeValue(whole)}${digits}`;
}

/**
 * The answer with Chinese and Japanese numerals in digits ("千八百六十八年" → "1868年", "三点一四" → "3.14"),
 * for a card whose answer is written in digits: elsewhere these characters are parts of words ("十分", "統一").
 */
export function withCjkNumeralsInDigits(answer: string, texts: readonly string[]): string {
  if (!texts.some((text) => /\d/.test(text))) return answer;
  return answer.replace(RUN, value);
}
