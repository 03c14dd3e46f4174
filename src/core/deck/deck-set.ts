import type { Deck, DeckIssue } from './card.ts';
import type { ParsedDeck } from './parse.ts';

export interface DeckSet {
  /** Decks without issues of their own or across files. */
  decks: Deck[];
  issues: DeckIssue[];
}

/** Combines parsed files: deck ids and card ids must be unique across all of them. */
export function combineDecks(parsed: readonly ParsedDeck[]): DeckSet {
  const issues = parsed.flatMap((file) => file.issues);
  const loaded = parsed.flatMap((file) => (file.deck ? [file.deck] : []));
  const deckOwner = new Map<string, Deck>();
  const cardOwner = new Map<string, { deck: Deck; line: number }>();
  const broken = new Set<Deck>();

  for (const deck of loaded) {
    const other = deckOwner.get(deck.id);
    if (other) {
      issues.push({
        path: deck.path,
        line: 1,
        message: `deck id "${deck.id}" is already used by ${other.path}`,
      });
      broken.add(deck);
      continue;
    }
    deckOwner.set(deck.id, deck);
    for (const card of deck.cards) {
      const first = cardOwner.get(card.id);
      if (first) {
        issues.push({
          path: deck.path,
          line: card.line,
          message: `card id "${card.id}" is already used in ${first.deck.path}:${first.line}`,
        });
        broken.add(deck);
      } else {
        cardOwner.set(card.id, { deck, line: card.line });
      }
    }
  }
  return { decks: loaded.filter((deck) => !broken.has(deck)), issues };
}
