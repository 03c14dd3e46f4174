/** The language of a deck that does not declare one. */
export const DEFAULT_LANG = 'en';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A deck's or card's language as written (`es`, `pt-BR`, `ES`) in its canonical BCP 47 form, or why it is
 * not one: a tag must be well formed and its language known (`xx` and `english` are not).
 */
export function readLanguageTag(text: string): { ok: true; tag: string } | { ok: false; message: string } {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(text.trim())[0];
  } catch {
    tag = undefined;
  }
  const language = tag?.split('-')[0] ?? '';
  if (!tag || languageNames.of(language) === undefined)
    return {
      ok: false,
      message: `"${text}" is not a known BCP 47 language tag (like "en", "es" or "pt-BR")`,
    };
  return { ok: true, tag };
}
