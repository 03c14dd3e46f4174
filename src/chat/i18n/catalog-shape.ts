/**
 * A language's catalog: sections of texts, as en.ts lays them out. Plural forms differ by language (Japanese
 * has only `_other`, Spanish adds `_many`), so the type stays loose; test/chat/catalog.test.ts checks each
 * language has every key of en.ts, the plural forms its language needs, and the same `{{values}}`.
 */
export interface CatalogOf {
  [key: string]: string | CatalogOf;
}
