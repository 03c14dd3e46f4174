import { KNOWN_WORDS } from './known-words.ts';
import { singular } from './stem.ts';
import { joinedKey, tokenise } from './tokens.ts';

/** Tells whether a typed word is a word of its own in the card's domain, and so not a typo. */
export interface Lexicon {
  isDistinctWord(word: string): boolean;
}

const KNOWN: ReadonlySet<string> = new Set(KNOWN_WORDS);

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
export function lexiconOf(vocabulary: Iterable<string> | undefined): Lexicon {
  let deck: ReadonlySet<string> | undefined;
  return {
    isDistinctWord(word) {
      const one = singular(word);
      if (KNOWN.has(word) || KNOWN.has(one)) return true;
      if (!vocabulary) return false;
      deck ??= deckWords(vocabulary);
      return deck.has(word) || deck.has(one);
    },
  };
}
