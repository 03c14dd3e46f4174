/** The languages Mnemo writes in (the chat layer holds their catalogs). English is the one the others mirror. */
export const LOCALES = ['en', 'es', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The language Mnemo writes in when it knows no other. */
export const DEFAULT_LOCALE: Locale = 'en';

/** A platform's language tag (Discord `es-ES`, `ja`; Slack `ja-JP`, `es-LA`) as a Mnemo language; null: not spoken. */
export function localeOf(tag: string | null | undefined): Locale | null {
  const language = tag?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : null;
}
