import type { GraderVerdict } from '../verdict.ts';
import { compareKana } from './kana.ts';
import { primaryTag } from './language.ts';
import { comparePinyin } from './pinyin.ts';

/**
 * Judges an answer written in another writing of the card's forms: kana or romaji for a Japanese form in
 * kana, pinyin with tone marks or digits for a Chinese one. Undefined when neither applies.
 */
export function compareWriting(
  answer: string,
  forms: readonly string[],
  lang: string | undefined,
): GraderVerdict | undefined {
  return compareKana(answer, forms) ?? (primaryTag(lang) === 'zh' ? comparePinyin(answer, forms) : undefined);
}
