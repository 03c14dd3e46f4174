const HAN = /\p{Script=Han}/u;
const SPACING = /[\s\p{P}\p{S}]/gu;

let toSimplified: ((text: string) => string) | undefined;

/** Lets grade() read traditional Chinese characters as simplified ones; the Chinese loader calls it once. */
export function installSimplifier(convert: (text: string) => string): void {
  toSimplified = convert;
}

/**
 * True when the answer writes a form of the card in the other set of Chinese characters: "圖書館" for
 * "图书馆", "中國" for "中国". False until the simplifier is installed.
 */
export function isOtherCharacterSet(answer: string, forms: readonly string[]): boolean {
  const simplify = toSimplified;
  if (!simplify || !HAN.test(answer)) return false;
  const plain = (text: string) => simplify(text.normalize('NFKC').replace(SPACING, ''));
  const typed = plain(answer);
  return forms.some((form) => HAN.test(form) && plain(form) === typed);
}
