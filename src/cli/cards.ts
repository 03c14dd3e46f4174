import { CARD_KINDS, type CardKind, type Deck, formatIssue } from '../core/deck/card.ts';
import type { DeckSet } from '../core/deck/deck-set.ts';
import type { SyncReport } from '../db/deck-sync.ts';
import { type CommandIo, print } from './io.ts';

/** `mnemo cards check`: every issue as `path:line: message` and exit 1, or a count and exit 0. */
export function checkCommand(set: DeckSet, io: CommandIo, json: boolean): number {
  for (const issue of set.issues) print(io.stderr, formatIssue(issue));
  if (json) {
    const decks = set.decks.map((deck) => ({
      id: deck.id,
      title: deck.title,
      cards: deck.cards.length,
      tags: [...new Set(deck.cards.flatMap((card) => card.tags))].sort(),
      kinds: kindCounts(deck),
    }));
    print(
      io.stdout,
      JSON.stringify({ decks, ...(set.issues.length > 0 ? { errors: set.issues.map(formatIssue) } : {}) }),
    );
  } else if (set.issues.length === 0) {
    print(io.stdout, countLine(set));
  } else {
    print(io.stderr, `${set.issues.length} error${set.issues.length === 1 ? '' : 's'}`);
  }
  return set.issues.length === 0 ? 0 : 1;
}

/** Cards by kind, as generated: each cloze number and each reverse is a card of its own. */
function kindCounts(deck: Deck): Record<CardKind, number> {
  const counts = Object.fromEntries(CARD_KINDS.map((kind) => [kind, 0])) as Record<CardKind, number>;
  for (const card of deck.cards) counts[card.kind] += 1;
  return counts;
}

export function countLine(set: DeckSet): string {
  const cards = set.decks.reduce((sum, deck) => sum + deck.cards.length, 0);
  return `${set.decks.length} deck${set.decks.length === 1 ? '' : 's'}, ${cards} card${cards === 1 ? '' : 's'}`;
}

export function syncLine(report: SyncReport): string {
  return `added ${report.added}, updated ${report.updated}, restored ${report.restored}, retired ${report.retired}, unchanged ${report.unchanged}`;
}
