import { type Card, fsrs, type Grade, generatorParameters } from 'ts-fsrs';
import type { GraderVerdict } from '../src/core/grading/grade.ts';
import type { RawSql } from '../src/db/raw-sql.ts';

/** ts-fsrs as Mnemo configures it: default weights, no fuzz, desired retention 0.9. */
const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));

export interface FloorAnswer {
  tenantId: string;
  userId: number;
  cardId: string;
  rating: Grade;
  verdict: GraderVerdict;
  answer: string;
  responseMs: number;
}

interface StateRow {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Date | null;
}

/**
 * The floor for one answer: lock the state row, compute next(), update the row, insert the review log
 * (the same columns Mnemo writes), in one transaction. The rating comes graded.
 */
export async function floorAnswer(raw: RawSql, answer: FloorAnswer, now: Date): Promise<void> {
  await raw.transaction(async (tx) => {
    const [row] = await tx.query<StateRow>(
      `select due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state,
         last_review
       from card_states where user_id = $1 and card_id = $2 for update`,
      [answer.userId, answer.cardId],
    );
    if (!row) throw new Error(`no state for user ${answer.userId}, card ${answer.cardId}`);
    const before: Card = {
      due: row.due,
      stability: row.stability,
      difficulty: row.difficulty,
      elapsed_days: row.elapsed_days,
      scheduled_days: row.scheduled_days,
      learning_steps: row.learning_steps,
      reps: row.reps,
      lapses: row.lapses,
      state: row.state,
      ...(row.last_review ? { last_review: row.last_review } : {}),
    };
    const { card: after, log } = scheduler.next(before, now, answer.rating);
    await tx.query(
      `update card_states set due = $3, stability = $4, difficulty = $5, elapsed_days = $6,
         scheduled_days = $7, learning_steps = $8, reps = $9, lapses = $10, state = $11, last_review = $12
       where user_id = $1 and card_id = $2`,
      [
        answer.userId,
        answer.cardId,
        after.due,
        after.stability,
        after.difficulty,
        after.elapsed_days,
        after.scheduled_days,
        after.learning_steps,
        after.reps,
        after.lapses,
        after.state,
        after.last_review ?? null,
      ],
    );
    await tx.query(
      `insert into reviews (tenant_id, user_id, card_id, rating, state_before, due_before, stability_before,
         difficulty_before, elapsed_days, last_elapsed_days, scheduled_days_before, learning_steps_before,
         last_review_before, reps_before, lapses_before, due_after, answer, verdict, response_ms, reviewed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        answer.tenantId,
        answer.userId,
        answer.cardId,
        answer.rating,
        row.state,
        row.due,
        row.stability,
        row.difficulty,
        log.elapsed_days,
        log.last_elapsed_days,
        row.scheduled_days,
        row.learning_steps,
        row.last_review,
        row.reps,
        row.lapses,
        after.due,
        answer.answer,
        answer.verdict,
        answer.responseMs,
        now,
      ],
    );
  });
}
