import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { LoggedReview } from '../core/memory-model/history.ts';
import type { FitSummary, MemoryModelStore, ModelledPerson, StoredFit } from '../core/memory-model/ports.ts';
import type { Person } from '../core/people.ts';
import type { Rating } from '../core/rating.ts';
import type { Database } from './client.ts';
import { fsrsOptimizerRuns, fsrsParameters, reviews, users } from './schema.ts';

const PERSON = {
  userId: users.id,
  platform: users.platform,
  externalId: users.externalId,
  timeZone: users.timeZone,
  weights: users.fsrsWeights,
};

/** The optimizer's reads and writes: review logs, the fit history and the daily run's claim. */
export class PgMemoryModelStore implements MemoryModelStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async findPerson(platform: string, externalId: string): Promise<ModelledPerson | null> {
    const [row] = await this.#db
      .select(PERSON)
      .from(users)
      .where(and(eq(users.platform, platform), eq(users.externalId, externalId)));
    return row ? toPerson(row) : null;
  }

  async peopleToFit(minNew: number): Promise<ModelledPerson[]> {
    // The newest review each person's last fit saw; reviews after it are new.
    const seen = this.#db
      .select({
        userId: fsrsParameters.userId,
        last: sql<number>`max(${fsrsParameters.lastReviewId})`.as('last'),
      })
      .from(fsrsParameters)
      .groupBy(fsrsParameters.userId)
      .as('seen');
    const rows = await this.#db
      .select(PERSON)
      .from(users)
      .leftJoin(seen, eq(seen.userId, users.id))
      .innerJoin(reviews, and(eq(reviews.userId, users.id), sql`${reviews.id} > coalesce(${seen.last}, 0)`))
      .groupBy(users.id)
      .having(sql`count(*) >= ${minNew}`)
      .orderBy(asc(users.id));
    return rows.map(toPerson);
  }

  async reviewLog(userId: number): Promise<LoggedReview[]> {
    const rows = await this.#db
      .select({
        id: reviews.id,
        cardId: reviews.cardId,
        reviewedAt: reviews.reviewedAt,
        rating: reviews.rating,
        stateBefore: reviews.stateBefore,
      })
      .from(reviews)
      .where(and(eq(reviews.userId, userId), isNull(reviews.supersededBy)));
    return rows.map((row) => ({ ...row, rating: row.rating as Rating }));
  }

  async saveFit(userId: number, fit: StoredFit, at: Date): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.insert(fsrsParameters).values({
        userId,
        fittedAt: at,
        reviews: fit.reviews,
        lastReviewId: fit.lastReviewId,
        weightsBefore: fit.weightsBefore === null ? null : [...fit.weightsBefore],
        weightsFitted: fit.weightsFitted,
        loglossBefore: fit.before.logLoss,
        loglossAfter: fit.after.logLoss,
        rmseBefore: fit.before.rmseBins,
        rmseAfter: fit.after.rmseBins,
        adopted: fit.adopted,
        weightsAdopted: fit.weightsAdopted,
      });
      if (fit.weightsAdopted)
        await tx.update(users).set({ fsrsWeights: fit.weightsAdopted }).where(eq(users.id, userId));
    });
  }

  async latestFit(userId: number): Promise<FitSummary | null> {
    const latest = (adoptedOnly: boolean) =>
      this.#db
        .select({
          fittedAt: fsrsParameters.fittedAt,
          adopted: fsrsParameters.adopted,
          loglossBefore: fsrsParameters.loglossBefore,
          loglossAfter: fsrsParameters.loglossAfter,
        })
        .from(fsrsParameters)
        .where(
          and(eq(fsrsParameters.userId, userId), adoptedOnly ? eq(fsrsParameters.adopted, true) : undefined),
        )
        .orderBy(desc(fsrsParameters.fittedAt), desc(fsrsParameters.id))
        .limit(1);
    const [[last], [adopted]] = await Promise.all([latest(false), latest(true)]);
    return last ? { ...last, adoptedAt: adopted?.fittedAt ?? null } : null;
  }

  async claimDailyRun(date: string, at: Date): Promise<boolean> {
    const claimed = await this.#db
      .insert(fsrsOptimizerRuns)
      .values({ runDate: date, startedAt: at })
      .onConflictDoNothing()
      .returning({ runDate: fsrsOptimizerRuns.runDate });
    return claimed.length === 1;
  }

  async finishDailyRun(date: string, at: Date, people: number): Promise<void> {
    await this.#db
      .update(fsrsOptimizerRuns)
      .set({ finishedAt: at, people })
      .where(eq(fsrsOptimizerRuns.runDate, date));
  }
}

function toPerson(row: {
  userId: number;
  platform: string;
  externalId: string;
  timeZone: string;
  weights: number[] | null;
}): ModelledPerson {
  return {
    userId: row.userId,
    label: `${row.platform}:${row.externalId}`,
    timeZone: row.timeZone,
    weights: row.weights,
  };
}

/** Everyone with a review logged, oldest person first: whom `mnemo fsrs reschedule` replays by default. */
export async function peopleWithReviews(db: Database): Promise<Person[]> {
  const rows = await db
    .select({ platform: users.platform, externalId: users.externalId })
    .from(users)
    .where(sql`exists (select from ${reviews} where ${reviews.userId} = ${users.id})`)
    .orderBy(asc(users.id));
  return rows;
}
