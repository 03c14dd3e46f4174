import { isArticle } from './extras.ts';
import { primaryTag } from './language.ts';

/**
 * Things with a standard code — countries and regions (ISO 3166), languages (ISO 639), currencies (ISO 4217) and
 * scripts (ISO 15924) — and their names, as JavaScript's Intl (Node's full ICU) gives them: in the deck's language,
 * in English and in the thing's own language ("Österreich", "Deutsch", "Schweizer Franken"). The tables depend
 * on nothing but Intl, so they live in core; each is built on first use, once per deck language.
 */
export interface CodedThings {
  /**
   * The things a typed text names: by a name, or by its code or symbol written as the standard writes it. A
   * currency's bare noun names the one currency in use that has it ("yen"), or the one of a region the question
   * names ("ruble" to "What is the currency of Russia?").
   */
  readonly named: (text: string, question?: string) => ReadonlySet<string>;
  /** Whether the text is a thing's code or symbol ("AT", "JPY", "€"), not one of its names. */
  readonly isCode: (text: string) => boolean;
  /** A thing's names (its currency's bare noun too: "dollar" of "US dollar"), to accept as further forms. */
  readonly namesOf: (thing: string) => readonly string[];
}

type Kind = 'region' | 'language' | 'currency' | 'script';

interface Catalog {
  readonly things: readonly { readonly kind: Kind; readonly code: string }[];
  /** Codes as written (deprecated ones too: "UK" is GB) to the thing they code. */
  readonly codes: ReadonlyMap<string, string>;
  /** Currencies in use today: a bare noun ("yen", "real") names the one of them that has it, if only one does. */
  readonly current: ReadonlySet<string>;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// Regions Intl names that no answer means: "Unknown Region", "Outlying Oceania".
const NO_REGION = new Set(['ZZ', 'QO']);

const idOf = (kind: Kind, code: string) => `${kind}:${code}`;
const codeOf = (thing: string) => thing.slice(thing.indexOf(':') + 1);

/** What kind of thing an id from `named` is: region, language, currency or script. */
export const kindOf = (thing: string) => thing.slice(0, thing.indexOf(':')) as Kind;

function codesOfLength(length: number): string[] {
  let codes = [''];
  for (let letter = 0; letter < length; letter++)
    codes = codes.flatMap((start) => [...LETTERS].map((next) => start + next));
  return codes;
}

function displayNames(
  lang: string,
  type: Kind,
  style: 'long' | 'short' = 'long',
): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([lang], { type, style, fallback: 'none' });
  } catch {
    return undefined;
  }
}

let catalog: Catalog | undefined;

/** Every code Intl names, found once by asking for each possible code (about 60 ms). */
function catalogOf(): Catalog {
  if (catalog) return catalog;
  const things: { kind: Kind; code: string }[] = [];
  const codes = new Map<string, string>();
  const regions = displayNames('en', 'region');
  for (const code of codesOfLength(2)) {
    if (NO_REGION.has(code) || !regions?.of(code)) continue;
    const canonical = new Intl.Locale(`und-${code}`).region ?? code;
    codes.set(code, idOf('region', canonical));
    if (canonical === code) things.push({ kind: 'region', code });
  }
  // Continents and other regions the UN numbers ("150" is Europe): named, though no answer types the number.
  for (let number = 1; number < 1000; number++) {
    const code = String(number).padStart(3, '0');
    if (regions?.of(code)) things.push({ kind: 'region', code });
  }
  const languages = displayNames('en', 'language');
  const scripts = new Set<string>();
  for (const code of codesOfLength(2).map((code) => code.toLowerCase())) {
    // "iw" is Hebrew's old code, named as "he" is.
    if (!languages?.of(code) || new Intl.Locale(code).language !== code) continue;
    things.push({ kind: 'language', code });
    const script = new Intl.Locale(code).maximize().script;
    if (script) scripts.add(script);
  }
  for (const code of scripts) things.push({ kind: 'script', code });
  const currencies = displayNames('en', 'currency');
  for (const code of codesOfLength(3)) {
    if (!currencies?.of(code)) continue;
    things.push({ kind: 'currency', code });
    codes.set(code, idOf('currency', code));
  }
  catalog = { things, codes, current: new Set(Intl.supportedValuesOf('currency')) };
  return catalog;
}

/** The main language of a region ("de" for AT), whose name for the region and its currency is the native one. */
function nativeLanguage(kind: Kind, code: string): string | undefined {
  if (kind === 'language') return code;
  if (kind === 'script' || /^\d/.test(code)) return undefined;
  const region = kind === 'region' ? code : code.slice(0, 2);
  try {
    return new Intl.Locale(`und-${region}`).maximize().language;
  } catch {
    return undefined;
  }
}

/**
 * How names are compared: lowercase, hyphens and apostrophes as spaces, a leading article left out ("the
 * Netherlands", "l'Allemagne"). Marks stay: "Osterreich" is a slip, judged as such. A name of three capitals at
 * most ("UK", "US") is an abbreviation and keeps its case: "us" is a word.
 */
export function keyOf(text: string): string {
  const trimmed = text.normalize('NFC').trim();
  if (/^\p{Lu}{2,3}$/u.test(trimmed)) return trimmed;
  const words = trimmed
    .toLowerCase()
    .replace(/[\s\-‐‑'’.]+/gu, ' ')
    .trim()
    .split(' ');
  return (words.length > 1 && isArticle(words[0] ?? '') ? words.slice(1) : words).join(' ');
}

/** "Myanmar (Burma)" is also "Myanmar" and "Burma". */
function variantsOf(name: string): string[] {
  const bracketed = /^(.+?)\s*\((.+)\)$/.exec(name);
  return bracketed ? [name, bracketed[1] ?? '', bracketed[2] ?? ''] : [name];
}

const WORD_BREAK = /[\s-]+/;

/**
 * Where a language puts the noun of a currency's name: last in English and German ("Swiss franc", "Schweizer
 * Franken"), first in French or Spanish ("franc suisse"). Read from the names themselves: the noun is the word
 * many currencies share ("dollar", "franc").
 */
function nounComesFirst(names: readonly string[]): boolean {
  const count = (pick: (words: string[]) => string | undefined) => {
    const seen = new Map<string, number>();
    for (const name of names) {
      const words = name.toLowerCase().split(WORD_BREAK);
      if (words.length < 2) continue;
      const word = pick(words) ?? '';
      seen.set(word, (seen.get(word) ?? 0) + 1);
    }
    return [...seen.values()].filter((times) => times > 1).reduce((sum, times) => sum + times, 0);
  };
  return count((words) => words[0]) > count((words) => words.at(-1));
}

interface Naming {
  readonly names: (kind: Kind, code: string) => string[];
  readonly noun: (name: string) => string | undefined;
}

const namings = new Map<string, Naming>();

/** The names one language gives, and the noun of its currency names. */
function namingIn(lang: string): Naming {
  const known = namings.get(lang);
  if (known) return known;
  const kinds = ['region', 'language', 'currency', 'script'] as const;
  const long = Object.fromEntries(kinds.map((kind) => [kind, displayNames(lang, kind)]));
  const short = displayNames(lang, 'region', 'short');
  const names = (kind: Kind, code: string) =>
    [long[kind]?.of(code), kind === 'region' ? short?.of(code) : undefined].filter(
      (name): name is string => name !== undefined,
    );
  const currencies = [...catalogOf().current].flatMap((code) => names('currency', code));
  const first = nounComesFirst(currencies);
  const noun = (name: string) => {
    const words = name.split(WORD_BREAK);
    return words.length > 1 ? (first ? words[0] : words.at(-1)) : undefined;
  };
  const naming = { names, noun };
  namings.set(lang, naming);
  return naming;
}

function symbolsOf(code: string, langs: readonly string[]): string[] {
  return langs.flatMap((lang) => {
    try {
      const parts = new Intl.NumberFormat(lang, { style: 'currency', currency: code }).formatToParts(1);
      const symbol = parts.find((part) => part.type === 'currency')?.value;
      return symbol && symbol !== code ? [symbol] : [];
    } catch {
      return [];
    }
  });
}

function add(map: Map<string, Set<string>>, key: string, thing: string): void {
  const things = map.get(key) ?? new Set<string>();
  things.add(thing);
  map.set(key, things);
}

function buildTables(lang: string): CodedThings {
  const { things, codes, current } = catalogOf();
  const byName = new Map<string, Set<string>>();
  const byNoun = new Map<string, Set<string>>();
  const symbols = new Map<string, Set<string>>();
  const namesOf = new Map<string, string[]>();
  const langs = [...new Set([lang, 'en'])];
  for (const { kind, code } of things) {
    const id = idOf(kind, code);
    const native = nativeLanguage(kind, code);
    const tongues = native && !langs.includes(native) ? [...langs, native] : langs;
    const given = tongues.map((tongue) => ({
      naming: namingIn(tongue),
      names: namingIn(tongue).names(kind, code),
    }));
    const names = given
      .flatMap((some) => some.names)
      .flatMap((name) => (kind === 'region' ? variantsOf(name) : [name]));
    const nouns =
      kind === 'currency'
        ? given.flatMap(({ naming, names }) => names.flatMap((name) => naming.noun(name) ?? []))
        : [];
    for (const name of names) add(byName, keyOf(name), id);
    if (kind === 'currency' && current.has(code)) {
      for (const noun of nouns) add(byNoun, keyOf(noun), id);
      for (const symbol of symbolsOf(code, langs)) add(symbols, symbol, id);
    }
    namesOf.set(id, [...new Set([...names, ...nouns])]);
  }
  const isCode = (text: string) => codes.has(text.trim()) || symbols.has(text.trim());
  const regionsIn = (question: string) => {
    const words = question.split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word !== '');
    const grams = words.flatMap((_, start) =>
      [1, 2, 3, 4].map((size) => words.slice(start, start + size).join(' ')),
    );
    return new Set(grams.flatMap((gram) => [...(byName.get(keyOf(gram)) ?? [])]));
  };
  const named = (text: string, question = ''): ReadonlySet<string> => {
    const trimmed = text.trim();
    const code = codes.get(trimmed);
    if (code) return new Set([code]);
    const key = keyOf(trimmed);
    const found = byName.get(key) ?? symbols.get(trimmed);
    if (found) return found;
    const byItsNoun = [...(byNoun.get(key) ?? [])];
    if (byItsNoun.length < 2) return new Set(byItsNoun);
    const regions = regionsIn(question);
    const ofRegion = byItsNoun.filter((currency) =>
      regions.has(idOf('region', codeOf(currency).slice(0, 2))),
    );
    return new Set(ofRegion.length === 1 ? ofRegion : []);
  };
  return { named, isCode, namesOf: (thing) => namesOf.get(thing) ?? [] };
}

const tables = new Map<string, CodedThings>();

/** The coded things of a deck language, built on first use. */
export function codedThings(lang: string | undefined): CodedThings {
  const tag = primaryTag(lang);
  const known = tables.get(tag);
  if (known) return known;
  const built = buildTables(tag);
  tables.set(tag, built);
  return built;
}
