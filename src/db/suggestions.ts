import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { cards, reviews } from './schema.ts';

export interface Suggestion {
  cardId: string;
  deckId: string;
  question: string;
  answer: string;
  disputed: string;
  times: number;
}

/** Answers people said were right ("I was right"): candidates for a card's aliases, most frequent first. */
export async function disputedAnswers(db: Database): Promise<Suggestion[]> {
  const disputed = sql<string>`lower(trim(${reviews.answer}))`;
  return db
    .select({
      cardId: cards.id,
      deckId: cards.deckId,
      question: cards.question,
      answer: cards.answer,
      disputed: disputed,
      times: sql<number>`count(*)::int`,
    })
    .from(reviews)
    .innerJoin(cards, eq(cards.id, reviews.cardId))
    .where(and(isNotNull(reviews.supersededBy), isNotNull(reviews.answer)))
    .groupBy(cards.id, disputed)
    .orderBy(cards.deckId, cards.id, desc(sql`count(*)`));
}
