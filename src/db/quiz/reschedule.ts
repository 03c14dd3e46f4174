import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CardLog, RescheduleScene, StandingLog } from '../../core/quiz/ports.ts';
import type { Rating } from '../../core/rating.ts';
import type { MemoryState } from '../../core/scheduling/memory.ts';
import type { Database } from '../client.ts';
import { cardStates, reviews, users } from '../schema.ts';
import { toLearner, toMemory } from './rows.ts';

/**
 * QuizStore.reschedule: the person's row and card states are locked (an answer racing it waits, then
 * moves the recomputed state), their standing reviews read oldest first, and the states `decide` changed
 * written back, all in one transaction.
 */
export function rescheduleStates(
  db: Database,
  userId: number,
  decide: (scene: RescheduleScene) => { cardId: string; state: MemoryState }[],
): Promise<void> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new Error(`user ${userId} is missing`);
    const states = await tx.select().from(cardStates).where(eq(cardStates.userId, userId)).for('update');
    const log = await tx
      .select({
        id: reviews.id,
        cardId: reviews.cardId,
        rating: reviews.rating,
        reviewedAt: reviews.reviewedAt,
        stateBefore: reviews.stateBefore,
      })
      .from(reviews)
      .where(and(eq(reviews.userId, userId), isNull(reviews.supersededBy)))
      .orderBy(asc(reviews.reviewedAt), asc(reviews.id));
    const cards = new Map<string, CardLog>(
      states.map((row) => [
        row.cardId,
        { cardId: row.cardId, state: toMemory(row), stateBeforeFirst: null, reviews: [] },
      ]),
    );
    const byCard = new Map<string, typeof log>();
    for (const review of log) byCard.set(review.cardId, [...(byCard.get(review.cardId) ?? []), review]);
    for (const [cardId, card] of cards) Object.assign(card, standingLog(byCard.get(cardId) ?? []));
    const changed = decide({ learner: toLearner(user), cards: [...cards.values()] });
    for (const { cardId, state } of changed) {
      await tx
        .update(cardStates)
        .set(state)
        .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)));
    }
  });
}

/** A card's standing reviews, read oldest first, as core replays them. */
export function standingLog(
  rows: readonly { id: number; rating: number; reviewedAt: Date; stateBefore: number }[],
): StandingLog {
  return {
    stateBeforeFirst: rows[0]?.stateBefore ?? null,
    reviews: rows.map((row) => ({ id: row.id, rating: row.rating as Rating, reviewedAt: row.reviewedAt })),
  };
}
