import { KNOWN_WORDS } from './known-words.ts';
import type { LanguageKit } from './language.ts';
import { singular } from './stem.ts';
import { joinedKey, tokenise } from './tokens.ts';

/** Tells whether a typed word is a word of its own in the card's domain, and so not a typo. */
export interface Lexicon {
  isDistinctWord(word: string): boolean;
  /** True when the word is in the card's language dictionary or the deck: a slip may not make one. */
  isWord(word: string): boolean;
  /** True when the word is in the card's language dictionary (not merely an answer of the deck). */
  isDictionaryWord(word: string): boolean;
  /** True when the word is an entry of the dictionary itself, not a form of another reached by an ending. */
  isEntry(word: string): boolean;
  /** True when a dictionary of the card's language is loaded, so `isWord` can tell slips from words. */
  readonly knowsWords: boolean;
  readonly lang: string | undefined;
  /**
   * The lexicon for a person's name: other names, the deck's words and short common words are different
   * answers ("fraud" for "Freud"), but a slip in a longer surname may well spell a common word ("Servantes"
   * for "Cervantes", "Marques" for "Márquez").
   */
  forNames(): Lexicon;
  /** True when the word names what the card's answer is a kind or part of ("gland", "Peru"): it may stand beside it. */
  isKindOfAnswer(word: string): boolean;
}

/** What the grader knows of the card's answer itself, beyond the deck and the language. */
export interface AnswerSetting {
  /** Words of what the answer is a kind or part of. */
  readonly kinds: ReadonlySet<string>;
}

const NO_SETTING: AnswerSetting = { kinds: new Set() };

const KNOWN: ReadonlySet<string> = new Set(KNOWN_WORDS);
// From this length a common word one slip from a surname is taken for the slip.
const SHORTEST_SURNAME_SLIP = 7;

// A deck hands the same vocabulary for every card, so its words are worked out once per collection.
const deckWordsByVocabulary = new WeakMap<object, ReadonlySet<string>>();

function wordsOf(vocabulary: Iterable<string>): ReadonlySet<string> {
  const words = new Set<string>();
  for (const entry of vocabulary) {
    const tokens = tokenise(entry);
    for (const token of tokens) if (token.kind === 'word') words.add(singular(token.text));
    if (tokens.length > 1) words.add(singular(joinedKey(tokens)));
  }
  return words;
}

function deckWords(vocabulary: Iterable<string>): ReadonlySet<string> {
  const cached = deckWordsByVocabulary.get(vocabulary);
  if (cached) return cached;
  const words = wordsOf(vocabulary);
  deckWordsByVocabulary.set(vocabulary, words);
  return words;
}

// Whole words and plurals only: a typo such as "controll" must not meet the stem of "controller".
/**
 * `namesCount`: the card's answer is itself a name, so another name one letter away ("Australia" for
 * "Austria") is a different answer; elsewhere a slip may well spell some name.
 */
export function lexiconOf(
  vocabulary: Iterable<string> | undefined,
  kit?: LanguageKit,
  lang?: string,
  namesCount = false,
  setting: AnswerSetting = NO_SETTING,
): Lexicon {
  let deck: ReadonlySet<string> | undefined;
  const inDeck = (word: string) => {
    const one = singular(word);
    if (KNOWN.has(word) || KNOWN.has(one)) return true;
    if (!vocabulary) return false;
    deck ??= deckWords(vocabulary);
    return deck.has(word) || deck.has(one);
  };
  const isOtherName = (word: string) =>
    inDeck(word) ||
    (kit !== undefined && (kit.isName(word) || (word.length < SHORTEST_SURNAME_SLIP && kit.isWord(word))));
  const names: Lexicon = {
    isDistinctWord: isOtherName,
    isWord: isOtherName,
    isDictionaryWord: () => false,
    isEntry: () => false,
    knowsWords: kit !== undefined,
    lang,
    forNames: () => names,
    isKindOfAnswer: () => false,
  };
  return {
    isDistinctWord: (word) =>
      inDeck(word) || (kit !== undefined && (kit.isWord(word) || (namesCount && kit.isName(word)))),
    isWord: (word) => inDeck(word) || (kit?.isWord(word) ?? false),
    isDictionaryWord: (word) => kit?.isWord(word) ?? false,
    isEntry: (word) => kit?.isEntry(word) ?? false,
    knowsWords: kit !== undefined,
    lang,
    forNames: () => names,
    isKindOfAnswer: (word) => setting.kinds.has(word),
  };
}
