import { describe, expect, it } from 'vitest';
import { CATALOGS, translate } from '../../src/chat/i18n/catalog.ts';
import type { CatalogOf } from '../../src/chat/i18n/catalog-shape.ts';
import { LOCALES } from '../../src/chat/i18n/locale.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a catalog by its full key (`STATS.days_one`). */
function flatten(catalog: CatalogOf, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') texts.set(path, value);
    else for (const [inner, text] of flatten(value, `${path}.`)) texts.set(inner, text);
  }
  return texts;
}

/** Each key as it is asked for (plural suffix dropped), with the plural forms a language gives it. */
function keysOf(catalog: CatalogOf): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const key of flatten(catalog).keys()) {
    const base = key.replace(PLURAL, '');
    const forms = keys.get(base) ?? new Set<string>();
    const form = PLURAL.exec(key)?.[1];
    if (form) forms.add(form);
    keys.set(base, forms);
  }
  return keys;
}

function valuesIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** The problems of one language against English: missing or extra keys, plural forms, values. */
function problemsOf(locale: (typeof LOCALES)[number]): string[] {
  const english = keysOf(CATALOGS.en);
  const theirs = keysOf(CATALOGS[locale]);
  const texts = flatten(CATALOGS[locale]);
  const englishTexts = flatten(CATALOGS.en);
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const problems: string[] = [];
  for (const [key, forms] of english) {
    const given = theirs.get(key);
    if (!given) {
      problems.push(`${locale}: missing ${key}`);
      continue;
    }
    if (forms.size > 0) {
      for (const form of needed) if (!given.has(form)) problems.push(`${locale}: ${key} lacks _${form}`);
    }
    const expected = valuesIn([...englishTexts].find(([k]) => k.replace(PLURAL, '') === key)?.[1] ?? '');
    for (const [k, text] of texts) {
      if (k.replace(PLURAL, '') !== key) continue;
      const got = valuesIn(text).filter((v) => v !== 'count');
      const want = expected.filter((v) => v !== 'count');
      if (got.join() !== want.join()) problems.push(`${locale}: ${k} has {{${got}}}, English {{${want}}}`);
    }
  }
  for (const key of theirs.keys()) if (!english.has(key)) problems.push(`${locale}: ${key} is not in en.ts`);
  return problems;
}

describe('the message catalogs', () => {
  it.each(LOCALES)(
    'GIVEN %s THEN it has every English key, its plural forms and the same values',
    (locale) => {
      expect(problemsOf(locale)).toEqual([]);
    },
  );

  it('GIVEN a key missing in Japanese THEN the check names the key and the language', () => {
    const { STATS, ...rest } = CATALOGS.ja as CatalogOf & { STATS: CatalogOf };
    const { title: _title, ...stats } = STATS;
    const broken = { ...rest, STATS: stats };
    const original = CATALOGS.ja;
    (CATALOGS as Record<string, CatalogOf>).ja = broken;
    try {
      expect(problemsOf('ja')).toEqual(['ja: missing STATS.title']);
    } finally {
      (CATALOGS as Record<string, CatalogOf>).ja = original;
    }
  });
});

describe('translate', () => {
  it('GIVEN a text without values asked in one language, then another THEN each reads its own (kept per language)', () => {
    expect(translate('en', 'button.nextCard')).toBe('Next card');
    expect(translate('es', 'button.nextCard')).toBe('Siguiente tarjeta');
    expect(translate('en', 'button.nextCard')).toBe('Next card');
  });

  it('GIVEN a text with values after the same text without THEN the values are put in and the plural picked', () => {
    expect(translate('en', 'DECKS.cards', { count: 1 })).toBe('1 card');
    expect(translate('en', 'DECKS.cards', { count: 3 })).toBe('3 cards');
    expect(translate('en', 'DECKS.cards', { count: 1 })).toBe('1 card');
  });
});
