import { isLocale, type Locale } from '../../core/language.ts';
import type { Person } from '../../core/people.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';

export { isLocale, LOCALES, type Locale } from '../../core/language.ts';

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The language of deliveries (a channel's question of the day, DM reminders): English. A channel is read by
 * many, and no community language is stored yet; a person's own replies follow their language.
 */
export const DELIVERY_LOCALE: Locale = DEFAULT_LOCALE;

/** A platform's language tag (Discord `es-ES`, `ja`; Slack `ja-JP`, `es-LA`) as a Mnemo language; null: not spoken. */
export function localeOf(tag: string | null | undefined): Locale | null {
  const language = tag?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : null;
}

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
  return chooseLocale(await quiz.language(person), platformTag);
}
