import { asc, eq } from 'drizzle-orm';
import type { Card, Deck } from '../../../src/core/deck/card.ts';
import { reviews, subscriptions, users } from '../../../src/db/schema.ts';
import type { TestDatabase } from '../../support/database.ts';
import { deckOf, typedCard } from '../../support/fixtures.ts';

/** Three small decks, one per kind of card. */
export function quizDecks(): Deck[] {
  return [
    deckOf('typed', [
      typedCard('typed-1', 'container', {
        question: 'What is a running instance of a Docker image called?',
        note: 'An image is the template; a container runs it.',
      }),
      typedCard('typed-2', 'hypervisor', { question: 'What runs virtual machines?' }),
    ]),
    deckOf('long', [
      typedCard('long-1', 'sharding', {
        // Longer than a Slack button value can carry (2,000 characters), with characters to escape.
        question: `${'Given a <table> & its many rows, '.repeat(80)}what splits it across servers?`,
      }),
    ]),
    deckOf('choice', [
      {
        ...typedCard('choice-1', 'bridge'),
        kind: 'choice',
        question: 'Which network driver does Docker use by default?',
        options: ['host', 'bridge', 'overlay'],
        correctOption: 1,
      },
    ]),
    deckOf('self', [
      {
        ...typedCard('self-1', 'Each instruction adds a cached, shared layer.'),
        kind: 'self',
        question: 'Why does Docker build images in layers?',
      },
    ]),
  ];
}

export function choiceCard(id: string, question: string, options: string[], correct: number): Card {
  return {
    ...typedCard(id, options[correct] ?? ''),
    kind: 'choice',
    question,
    options,
    correctOption: correct,
  };
}

/** What the review log holds for one Slack person (`T1:U…`). */
export function reviewsOf(db: TestDatabase, externalId: string) {
  return db.db
    .select({
      tenantId: reviews.tenantId,
      cardId: reviews.cardId,
      rating: reviews.rating,
      verdict: reviews.verdict,
      answer: reviews.answer,
      supersededBy: reviews.supersededBy,
      disputeOf: reviews.disputeOf,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(eq(users.externalId, externalId))
    .orderBy(asc(reviews.id));
}

export function subscriptionsOf(db: TestDatabase, tenantId: string) {
  return db.db
    .select({
      channelId: subscriptions.channelId,
      localTime: subscriptions.localTime,
      timeZone: subscriptions.timeZone,
      deckId: subscriptions.deckId,
      active: subscriptions.active,
      createdBy: subscriptions.createdBy,
    })
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, tenantId))
    .orderBy(asc(subscriptions.id));
}
