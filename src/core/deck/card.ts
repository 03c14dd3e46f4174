/** How a card is answered. A cloze card is typed: its answer is the text of its blank. */
export type CardKind = 'typed' | 'choice' | 'self' | 'cloze';

export const CARD_KINDS = ['typed', 'choice', 'self', 'cloze'] as const satisfies readonly CardKind[];

/** Whether the card's answer is typed and graded (a typed card, its reverse, a cloze). */
export const isTypedKind = (kind: CardKind): boolean => kind === 'typed' || kind === 'cloze';

/** One question as the deck file defines it. `id` is its identity across edits. */
export interface Card {
  id: string;
  deckId: string;
  kind: CardKind;
  question: string;
  /** Typed: the canonical answer. Choice: the right option's text. Self: the revealed answer. */
  answer: string;
  /** Typed: accepted aliases. */
  accept: string[];
  /** Choice: every option in file order. */
  options: string[];
  /** Choice: index of the right option in `options`. */
  correctOption: number | null;
  note: string | null;
  tags: string[];
  /** BCP 47 language its answers are graded in: the card's `Lang:`, else the deck's `lang:` (default `en`). */
  lang: string;
  /** Order within its deck. */
  position: number;
  /** 1-based line of the card's heading in its file. */
  line: number;
  /**
   * The note the card was made from, when it has siblings (the clozes of one sentence, a card and its
   * reverse): siblings are not shown to one person on the same local day. Absent for a card of its own.
   */
  noteId?: string;
}

export interface Deck {
  id: string;
  title: string;
  description: string | null;
  tags: string[];
  /** BCP 47 language of its cards, from the front matter's `lang:` (default `en`). */
  lang: string;
  /** The file it came from, as given to the parser. */
  path: string;
  cards: Card[];
}

/** A problem in a deck file, with where it is. */
export interface DeckIssue {
  path: string;
  line: number;
  message: string;
}

export const formatIssue = (issue: DeckIssue): string => `${issue.path}:${issue.line}: ${issue.message}`;
