import type { GraderVerdict } from '../verdict.ts';
import { isOtherCharacterSet } from './han-variants.ts';
import { compareKana } from './kana.ts';
import { primaryTag } from './language.ts';
import { comparePinyin } from './pinyin.ts';

/**
 * Judges an answer written in another writing of the card's forms: kana or romaji for a Japanese form in
 * kana; for a Chinese card, the other character set, or pinyin with tone marks or digits. Undefined when
 * none applies.
 */
export function compareWriting(
  answer: string,
  forms: readonly string[],
  lang: string | undefined,
): GraderVerdict | undefined {
  if (primaryTag(lang) !== 'zh') return compareKana(answer, forms);
  return isOtherCharacterSet(answer, forms) ? 'correct' : comparePinyin(answer, forms);
}
