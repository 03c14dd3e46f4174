import { primaryTag } from './language.ts';

// Languages that write the definite article as a prefix of its noun: Arabic "ال" ("الكتاب", the book) and
// Hebrew "ה" ("השלום"), taken off only where enough of a word is left after it.
const PREFIXED_ARTICLES: Readonly<Record<string, RegExp>> = {
  ar: /(?<![\p{L}\p{M}])ال(?=(?:\p{L}\p{M}*){2})/gu,
  he: /(?<![\p{L}\p{M}])ה\p{M}*(?=(?:\p{L}\p{M}*){3})/gu,
};

/**
 * The texts without the article their language writes as a prefix ("كتاب" for "الكتاب"), or undefined when the
 * language has none or no text carries one.
 */
export function withoutPrefixedArticles(
  texts: readonly string[],
  lang: string | undefined,
): readonly string[] | undefined {
  const article = PREFIXED_ARTICLES[primaryTag(lang)];
  if (!article) return undefined;
  const bare = texts.map((text) => text.replace(article, ''));
  return bare.some((text, i) => text !== texts[i]) ? bare : undefined;
}
