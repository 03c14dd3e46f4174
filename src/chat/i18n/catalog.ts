import i18next from 'i18next';
import type { CatalogOf } from './catalog-shape.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { ja } from './ja.ts';
import type { Locale } from './locale.ts';

/** One catalog per language, each in its own file; en.ts says how to add a text. */
export const CATALOGS = { en, es, de, ja } as const satisfies Record<Locale, CatalogOf>;

/** `a.b_one` → `a.b`: how a key is asked for; i18next picks the plural form from `count`. */
type Base<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? B
  : K;
type Paths<T> = {
  [K in keyof T & (string | number)]: T[K] extends string ? Base<`${K}`> : `${K}.${Paths<T[K]>}`;
}[keyof T & (string | number)];

/** Every text's key, as en.ts names it: `STATS.title`, `button.nextCard`, `DECKS.cards` (plural). */
export type MessageKey = Paths<typeof en>;

export type Values = Record<string, string | number>;

// i18next with the catalogs in memory: no I/O, initialised synchronously. Values are written for the platform
// before they are put in (Style.text makes card and user text inert), so i18next escapes nothing.
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    Object.entries(CATALOGS).map(([locale, catalog]) => [locale, { translation: catalog }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  nsSeparator: false,
  returnNull: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
});

const t = i18n.t.bind(i18n) as unknown as (key: string, options: Values & { lng: Locale }) => string;

// Most texts have no values (button labels, headings): each is looked up once per language and kept. Every
// interaction shows several, and i18next's lookup (key paths, fallbacks, nesting) was most of its cost.
const plainTexts = new Map<string, string>();

/** A text of the catalog in a language, with its values (`count` picks the plural form). */
export function translate(locale: Locale, key: MessageKey, values?: Values): string {
  if (values !== undefined && Object.keys(values).length > 0) return t(key, { ...values, lng: locale });
  const id = `${locale} ${key}`;
  let text = plainTexts.get(id);
  if (text === undefined) {
    text = t(key, { lng: locale });
    plainTexts.set(id, text);
  }
  return text;
}
