import { primaryTag } from './language.ts';

/** Regular endings a word takes without becoming another word: "verts", "Straßen", "Tische", "begins". */
export const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  en: ['s', 'es'],
  es: ['s', 'es'],
  fr: ['s', 'x', 'e', 'es'],
  de: ['e', 'en', 'n', 'er', 'ern', 's', 'es'],
};

/** True when `typed` is `expected` with one of its language's regular endings. */
export function addsEnding(typed: string, expected: string, lang: string | undefined): boolean {
  if (!typed.startsWith(expected)) return false;
  return (ENDINGS[primaryTag(lang)] ?? []).includes(typed.slice(expected.length));
}
