import { and, eq, sql } from 'drizzle-orm';
import type { AnswerScene, NewReview } from '../../src/core/quiz/ports.ts';
import type { MemoryState } from '../../src/core/scheduling/memory.ts';
import type { Database } from '../../src/db/client.ts';
import { DrizzleQuizStore, toCard } from '../../src/db/quiz-store.ts';
import { cardStates, cards, prompts, users } from '../../src/db/schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHIPPED = Symbol('take the shipped path');
const at = (time: Date | null) => (time === null ? sql`null` : sql`${time.toISOString()}::timestamptz`);

/**
 * A proposal for DrizzleQuizStore.answer, measured by `bench/proposals.ts`: the same locks and writes in
 * two statements instead of six. One SELECT locks the prompt and the card state together (FOR UPDATE OF
 * both); one statement with data-modifying CTEs updates the state, appends the review and marks the
 * prompt. A card never seen or a prompt answered before takes the shipped path, unchanged.
 */
export class LeanQuizStore extends DrizzleQuizStore {
  readonly #db: Database;

  constructor(db: Database) {
    super(db);
    this.#db = db;
  }

  override async answer<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    if (!UUID.test(promptId)) return null;
    const fast = await this.#db.transaction(async (tx) => {
      const [row] = await tx
        .select({ prompt: prompts, card: cards, user: users, state: cardStates })
        .from(prompts)
        .innerJoin(cards, eq(cards.id, prompts.cardId))
        .innerJoin(users, eq(users.id, prompts.userId))
        .innerJoin(
          cardStates,
          and(eq(cardStates.userId, prompts.userId), eq(cardStates.cardId, prompts.cardId)),
        )
        .where(eq(prompts.id, promptId))
        .for('update', { of: [prompts, cardStates] });
      if (!row || row.prompt.reviewId !== null) return SHIPPED;
      const { prompt, card, user, state } = row;
      const decision = decide({
        prompt: {
          id: prompt.id,
          tenantId: prompt.tenantId,
          userId: prompt.userId,
          card: toCard(card),
          shownAt: prompt.shownAt,
          repsAtShow: prompt.repsAtShow,
          deliveryId: prompt.deliveryId,
        },
        person: { platform: user.platform, externalId: user.externalId },
        learner: {
          userId: user.id,
          desiredRetention: user.desiredRetention,
          newPerDay: user.newPerDay,
          maxReviewsPerDay: user.maxReviewsPerDay,
          timeZone: user.timeZone,
        },
        state: memoryOf(state),
        existing: null,
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      return { result: decision.result, reviewId: await writeReview(tx, decision.review, promptId) };
    });
    return fast === SHIPPED ? super.answer(promptId, decide) : fast;
  }
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The state update, the review row and the prompt's mark, in one statement. */
async function writeReview(tx: Tx, review: NewReview, promptId: string): Promise<number> {
  const { record } = review;
  const { after, before } = record;
  const rows = await tx.execute<{ review_id: string | number }>(sql`
    with state as (
      update card_states set due = ${at(after.due)}, stability = ${after.stability},
        difficulty = ${after.difficulty}, elapsed_days = ${after.elapsedDays},
        scheduled_days = ${after.scheduledDays}, learning_steps = ${after.learningSteps},
        reps = ${after.reps}, lapses = ${after.lapses}, state = ${after.state},
        last_review = ${at(after.lastReview)}
      where user_id = ${review.userId} and card_id = ${review.cardId}
    ), review as (
      insert into reviews (tenant_id, user_id, card_id, prompt_id, rating, state_before, due_before,
        stability_before, difficulty_before, elapsed_days, last_elapsed_days, scheduled_days_before,
        learning_steps_before, last_review_before, reps_before, lapses_before, due_after, answer, verdict,
        response_ms, reviewed_at)
      values (${review.tenantId}, ${review.userId}, ${review.cardId}, ${promptId}::uuid, ${record.rating},
        ${before.state}, ${at(before.due)}, ${before.stability}, ${before.difficulty}, ${record.elapsedDays},
        ${record.lastElapsedDays}, ${before.scheduledDays}, ${before.learningSteps}, ${at(before.lastReview)},
        ${before.reps}, ${before.lapses}, ${at(after.due)}, ${review.answer}, ${review.verdict},
        ${review.responseMs}, ${at(record.reviewedAt)})
      returning id
    )
    update prompts set answered_at = ${at(record.reviewedAt)}, review_id = (select id from review)
    where id = ${promptId}::uuid
    returning review_id`);
  const [row] = rows as unknown as { review_id: string | number }[];
  if (!row) throw new Error('the review was not stored');
  return Number(row.review_id);
}

function memoryOf(row: typeof cardStates.$inferSelect): MemoryState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}
