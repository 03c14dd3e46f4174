import type { Deck, DeckIssue } from './card.ts';
import type { ParsedDeck } from './parse.ts';

export interface DeckSet {
  /** Decks without issues of their own or across files. */
  decks: Deck[];
  issues: DeckIssue[];
}

/** What is stored, as far as combining files needs it. */
export interface Stored {
  /** The deck a card id is stored in, if any. */
  deckOf(cardId: string): string | undefined;
  /** Stored decks whose files have errors this time: their cards stay where they are. */
  heldDecks: ReadonlySet<string>;
}

const NOTHING_STORED: Stored = { deckOf: () => undefined, heldDecks: new Set() };

/**
 * Combines parsed files, in path order: deck ids and card ids must be unique across all of them. A card id in
 * two files is an error on the file that introduced it: the one whose deck does not already hold the card, or
 * the later file when neither does. That file is not loaded, so nothing stored moves. Nor does a card whose
 * stored deck's file has errors: whether it left that file cannot be known.
 */
export function combineDecks(parsed: readonly ParsedDeck[], stored: Stored = NOTHING_STORED): DeckSet {
  const issues = parsed.flatMap((file) => file.issues);
  const deckOwner = new Map<string, Deck>();
  const unique: Deck[] = [];
  for (const deck of parsed.flatMap((file) => (file.deck ? [file.deck] : []))) {
    const other = deckOwner.get(deck.id);
    if (other) {
      issues.push({
        path: deck.path,
        line: 1,
        message: `deck id "${deck.id}" is already used by ${other.path}`,
      });
      continue;
    }
    deckOwner.set(deck.id, deck);
    unique.push(deck);
  }

  const holders = new Map<string, { deck: Deck; line: number }[]>();
  for (const deck of unique) {
    for (const card of deck.cards) {
      const list = holders.get(card.id);
      if (list) list.push({ deck, line: card.line });
      else holders.set(card.id, [{ deck, line: card.line }]);
    }
  }
  const broken = new Set<Deck>();
  for (const [cardId, list] of holders) {
    const storedIn = stored.deckOf(cardId);
    if (storedIn !== undefined && stored.heldDecks.has(storedIn)) {
      for (const holder of list) {
        if (holder.deck.id === storedIn) continue;
        issues.push({
          path: holder.deck.path,
          line: holder.line,
          message: `card id "${cardId}" is stored in deck "${storedIn}", whose file has errors: fix that file first`,
        });
        broken.add(holder.deck);
      }
      continue;
    }
    if (list.length < 2) continue;
    const owner = list.find((holder) => holder.deck.id === storedIn) ?? list[0];
    for (const holder of list) {
      if (holder === owner || !owner) continue;
      issues.push({
        path: holder.deck.path,
        line: holder.line,
        message: `card id "${cardId}" is already used in ${owner.deck.path}:${owner.line}`,
      });
      broken.add(holder.deck);
    }
  }
  return { decks: unique.filter((deck) => !broken.has(deck)), issues };
}
