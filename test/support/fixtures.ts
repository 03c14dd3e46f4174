import type { Clock } from '../../src/core/clock.ts';
import type { Card, Deck } from '../../src/core/deck/card.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  #now: Date;

  constructor(start: string | Date) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(to: string | Date): void {
    this.#now = new Date(to);
  }

  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;

export function typedCard(id: string, answer: string, extra: Partial<Card> = {}): Card {
  return {
    id,
    deckId: 'test',
    kind: 'typed',
    question: `Question of ${id}?`,
    answer,
    accept: [],
    options: [],
    correctOption: null,
    note: null,
    tags: [],
    lang: 'en',
    position: 0,
    line: 1,
    ...extra,
  };
}

/** A deck whose cards get positions and lines in order. */
export function deckOf(id: string, cards: Card[], path = `cards/${id}.md`): Deck {
  return {
    id,
    title: `Deck ${id}`,
    description: null,
    tags: [],
    lang: 'en',
    path,
    cards: cards.map((card, position) => ({ ...card, deckId: id, position, line: position * 5 + 5 })),
  };
}

let counter = 0;
/** Deterministic UUIDs for prompt ids. */
export function sequentialIds(): () => string {
  const run = (++counter).toString(16).padStart(4, '0');
  let n = 0;
  return () => `00000000-0000-4000-${run}-${(++n).toString(16).padStart(12, '0')}`;
}

/** A deck with siblings: a cloze of two blanks, a card with its reverse, and a card of its own. */
export const SIBLINGS_DECK = `---
id: bio
title: Biology
---

## cell
C: The {{c1::mitochondrion}} is the {{c2::powerhouse}} of the cell.

## capital
Q: Capital of France?
A: Paris
Reverse: yes

## solo
Q: Largest planet?
A: Jupiter
`;
