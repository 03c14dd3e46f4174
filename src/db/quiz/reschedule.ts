import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CardLog, RescheduleScene } from '../../core/quiz/ports.ts';
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
    for (const review of log) {
      const card = cards.get(review.cardId);
      if (!card) continue;
      card.stateBeforeFirst ??= review.stateBefore;
      card.reviews.push({ rating: review.rating as Rating, reviewedAt: review.reviewedAt });
    }
    const changed = decide({ learner: toLearner(user), cards: [...cards.values()] });
    for (const { cardId, state } of changed) {
      await tx
        .update(cardStates)
        .set(state)
        .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)));
    }
  });
}
