/** The languages Mnemo writes in (the chat layer holds their catalogs). English is the one the others mirror. */
export const LOCALES = ['en', 'es', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
