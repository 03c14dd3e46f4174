/** A calendar date read from an answer, with only the parts it names. */
export interface DateParts {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/**
 * What the grader knows of one language beyond its built-in lists: a spelling dictionary, a stemmer,
 * synonyms and a date reader. Core only defines it; the loaders outside core fill it from libraries.
 */
export interface LanguageKit {
  /** BCP 47 primary subtag: `en`, `es`, `fr`, `de`, `it`, `pt`. */
  readonly lang: string;
  /** True when the lowercase word, accents folded, is a word of the language. */
  isWord(word: string): boolean;
  /** True when the folded word is an entry of the dictionary itself ("torte"), not a form reached by an ending. */
  isEntry(word: string): boolean;
  /**
   * True when the lowercase word, accents as written, is an entry of the dictionary itself: "ano" and "año",
   * "kuchen" and "küchen" are two words, not one typed without its accent.
   */
  isAccentedEntry?(word: string): boolean;
  /** True when the folded word is a name the dictionary lists: a place or person ("Austria", "Australia"). */
  isName(word: string): boolean;
  /**
   * Words and phrases of the same meaning (for English, a WordNet synset); empty when none are known. The
   * card's question, when given, picks out the sense a card means ("column" as a pillar, not a list).
   */
  synonyms(term: string, question?: string): readonly string[];
  /** True when the question points to a sense, however rare, that the two terms name alike ("larboard", "port"). */
  sharedSense?(a: string, b: string, question: string): boolean;
  /** True when the answer spells out the definition of the sense the question means ("positive ion", "cation"). */
  spellsOut?(answer: string, term: string, question: string): boolean;
  /** What the term is a kind or a part of ("gland" for "pancreas", "Peru" for "Lima"); empty when none are known. */
  kinds?(term: string): readonly string[];
  /**
   * True when the words before a noun make a kind of it ("grand piano", "arterial hypertension"), false when they
   * make another thing ("sea lion", "East Germany"); absent where the language has no such knowledge here.
   */
  narrows?(modifiers: readonly string[], noun: string): boolean;
  /** True when the words before a noun make a word of its own for another thing ("sea lion" beside "lion"). */
  namesAnotherThing?(modifiers: readonly string[], noun: string): boolean;
  /** The dates a text may name (a day/month order may read two ways); empty when it names none. */
  dates(text: string): readonly DateParts[];
  /** A whole number in the language's words ("dieciséis"), where the built-in English number words do not reach. */
  numberWords?(value: number): string;
  /** An ordinal in the language's words ("sexto", "huitième"): the names of shares and of regnal numbers. */
  ordinalWords?(value: number): string;
}

const installed = new Map<string, LanguageKit>();
let requestLanguage: ((lang: string) => void) | undefined;

/** Makes a loaded language available to every later grade(); the composition root calls it once per language. */
export function installLanguage(kit: LanguageKit): void {
  installed.set(kit.lang, kit);
}

/**
 * Who to tell when a grade needs a language that is not loaded (a deck added while the bot runs): that
 * answer is graded with the built-in lists, and later ones with the language once it has loaded.
 */
export function onMissingLanguage(request: ((lang: string) => void) | undefined): void {
  requestLanguage = request;
}

/** The kit for a BCP 47 tag ("es-MX" uses "es"), if that language has been loaded. */
export function languageKit(lang: string | undefined): LanguageKit | undefined {
  const tag = primaryTag(lang);
  const kit = installed.get(tag);
  if (!kit) requestLanguage?.(tag);
  return kit;
}

/** The kit for a BCP 47 tag if it is loaded, without asking for it: for rules that only add to a verdict. */
export function loadedKit(lang: string | undefined): LanguageKit | undefined {
  return installed.get(primaryTag(lang));
}

/** "es-MX" → "es"; no tag means English, the default language of a deck. */
export function primaryTag(lang: string | undefined): string {
  return (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}
