import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/core/deck/card.ts';
import { grade } from '../../src/core/grading/grade.ts';
import { readDecks } from '../../src/decks/read.ts';
import { ROOT } from '../support/cli.ts';

const { decks, issues } = await readDecks([`${ROOT}/cards`]);
const cards = decks.flatMap((deck) => deck.cards);
const SECTIONS = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

describe('the bundled decks', () => {
  it('GIVEN cards/ THEN every file is valid, with at least 150 cards across sections s01 to s20', () => {
    expect(issues).toEqual([]);
    expect(cards.length).toBeGreaterThanOrEqual(150);
    const sections = new Set(cards.flatMap((card) => card.tags.filter((tag) => SECTIONS.includes(tag))));
    expect([...sections].sort()).toEqual(SECTIONS);
  });

  it('GIVEN any card THEN it belongs to exactly one section', () => {
    const wrong = cards.filter((card) => card.tags.filter((tag) => SECTIONS.includes(tag)).length !== 1);
    expect(wrong.map((card) => card.id)).toEqual([]);
  });

  it('GIVEN the decks THEN all three card kinds are used', () => {
    const kinds = new Set(cards.map((card) => card.kind));
    expect([...kinds].sort()).toEqual(['choice', 'self', 'typed']);
  });
});

describe.each(decks.map((deck) => [deck.id, deck] as const))('deck %s', (_id, deck: Deck) => {
  const typed = deck.cards.filter((card) => card.kind === 'typed');
  const others = (card: Card) => [
    ...typed.filter((other) => other.id !== card.id).map((other) => other.answer),
    ...deck.cards
      .filter((other) => other.kind === 'choice')
      .flatMap((other) => other.options.filter((_, i) => i !== other.correctOption)),
  ];

  it.each(typed.map((card) => [card.id, card] as const))(
    'GIVEN typed card %s THEN its answer and aliases grade correct',
    (_cardId, card) => {
      for (const answer of [card.answer, ...card.accept]) {
        expect(grade({ expected: card.answer, accept: card.accept, answer }).verdict, answer).toBe('correct');
      }
    },
  );

  it.each(typed.map((card) => [card.id, card] as const))(
    'GIVEN typed card %s THEN no sibling answer or distractor of the deck grades correct',
    (_cardId, card) => {
      const accepted = [card.answer, ...card.accept].map((text) => text.toLowerCase());
      const wronglyAccepted = others(card)
        .filter((text) => !accepted.includes(text.toLowerCase()))
        .filter(
          (text) => grade({ expected: card.answer, accept: card.accept, answer: text }).verdict === 'correct',
        );
      expect(wronglyAccepted).toEqual([]);
    },
  );

  it.each(deck.cards.filter((card) => card.kind === 'choice').map((card) => [card.id, card] as const))(
    'GIVEN multiple-choice card %s THEN its options are distinct and exactly one is right',
    (_cardId, card) => {
      expect(new Set(card.options.map((option) => option.toLowerCase())).size).toBe(card.options.length);
      expect(card.correctOption).not.toBeNull();
      expect(card.options[card.correctOption ?? -1]).toBe(card.answer);
    },
  );
});
