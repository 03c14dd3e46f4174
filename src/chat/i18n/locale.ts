import { DEFAULT_LOCALE, type Locale, localeOf } from '../../core/language.ts';
import type { Person } from '../../core/people.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';

export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, localeOf } from '../../core/language.ts';

/**
 * The language a person reads: their own choice in settings, else their app's language when Mnemo speaks it,
 * else English.
 */
export function chooseLocale(chosen: Locale | null, platformTag: string | null | undefined): Locale {
  return chosen ?? localeOf(platformTag) ?? DEFAULT_LOCALE;
}

/** The language a person reads: read from their settings without storing them (see Quiz.language). */
export async function localeFor(
  quiz: Pick<Quiz, 'language'>,
  person: Person,
  platformTag: string | null | undefined,
): Promise<Locale> {
  return chooseLocale(await quiz.language(person, platformTag), platformTag);
}
