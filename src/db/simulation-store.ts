import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type { Card } from '../core/deck/card.ts';
import type { Person, Place } from '../core/people.ts';
import type { Learner, StoredReview } from '../core/quiz/ports.ts';
import type { MemoryState } from '../core/scheduling/memory.ts';
import { CARD_FIELDS, toCard } from './card-row.ts';
import type { Connection, Database } from './client.ts';
import { insertRows } from './json-rows.ts';
import { MEMORY_FIELDS } from './quiz/rows.ts';
import type { TransactionRunner } from './raw-sql.ts';
import { cardStates, cards, decks, reviews, tenants, users } from './schema.ts';

/** Simulated people are users of platform `sim` (`<seed>:<n>`), studying in the tenant `sim:<seed>`. */
export const SIM_PLATFORM = 'sim';

/** The live cards of a deck; null when there is no such deck. */
export async function deckCardCount(db: Database, deckId: string): Promise<number | null> {
  const [deck] = await db
    .select({ cards: sql<number>`count(${cards.id})::int` })
    .from(decks)
    .leftJoin(cards, and(eq(cards.deckId, decks.id), isNull(cards.retiredAt)))
    .where(and(eq(decks.id, deckId), isNull(decks.retiredAt)))
    .groupBy(decks.id);
  return deck ? deck.cards : null;
}

/** Whether a simulation with this seed is stored. */
export async function simulationExists(db: Database, seed: number): Promise<boolean> {
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.id, `sim:${seed}`));
  return row !== undefined;
}

/** Removes every simulation (all seeds): its people, their reviews, states, prompts and fits, and its tenants. */
export async function dropSimulations(db: Database): Promise<{ people: number }> {
  return db.transaction(async (tx) => {
    const people = sql`(select id from users where platform = ${SIM_PLATFORM})`;
    for (const table of ['fsrs_parameters', 'reviews', 'prompts', 'card_states'])
      await tx.execute(sql`delete from ${sql.identifier(table)} where user_id in ${people}`);
    const removed = await tx
      .delete(users)
      .where(eq(users.platform, SIM_PLATFORM))
      .returning({ id: users.id });
    await tx.delete(tenants).where(like(tenants.id, `${SIM_PLATFORM}:%`));
    return { people: removed.length };
  });
}

/** The live cards of a deck, in deck order: what the simulated people study. */
export async function deckCards(db: Database, deckId: string): Promise<Card[]> {
  const columns = Object.fromEntries(CARD_FIELDS.map((field) => [field, cards[field]])) as {
    [K in (typeof CARD_FIELDS)[number]]: (typeof cards)[K];
  };
  const rows = await db
    .select(columns)
    .from(cards)
    .where(and(eq(cards.deckId, deckId), isNull(cards.retiredAt)))
    .orderBy(asc(cards.position));
  return rows.map(toCard);
}

/** What a simulation made, as the in-memory quiz store held it: its `userId`s are its own, not the table's. */
export interface SimulatedPeople {
  place: Place;
  learners: readonly (Learner & { person: Person })[];
  states: readonly { userId: number; cardId: string; state: MemoryState }[];
  /** Standing reviews only: a simulation disputes none. */
  reviews: readonly StoredReview[];
}

/**
 * Writes simulated people, their card states and their review logs in one transaction of a few large
 * INSERTs (the quiz's own statements, one review at a time, made a year of 100 learners take an hour). The
 * rows are those the quiz would have written, but for the prompts: a review's `prompt_id` is left empty, as
 * nothing reads a simulated prompt. Returns the people's ids in the table, by their simulation `userId`.
 */
export async function storeSimulatedPeople(
  connection: Pick<Connection, 'raw'>,
  people: SimulatedPeople,
): Promise<Map<number, number>> {
  const disputed = people.reviews.find((review) => review.supersededBy !== null || review.disputeOf !== null);
  if (disputed)
    throw new Error(`review ${disputed.id} was disputed: a simulation stores standing reviews only`);
  return connection.raw.transaction(async (tx) => {
    const { place } = people;
    await tx.query('insert into tenants (id, platform, name) values ($1, $2, $3) on conflict do nothing', [
      place.tenantId,
      place.platform,
      place.name ?? null,
    ]);
    await checkReferencesOnce(tx, people);
    const made = await insertRows(
      tx,
      users,
      [
        'platform',
        'externalId',
        'desiredRetention',
        'newPerDay',
        'maxReviewsPerDay',
        'timeZone',
        'language',
        'leechLapses',
        'fsrsWeights',
      ],
      people.learners,
      (learner) => [
        learner.person.platform,
        learner.person.externalId,
        learner.desiredRetention,
        learner.newPerDay,
        learner.maxReviewsPerDay,
        learner.timeZone,
        learner.language,
        learner.leechLapses,
        learner.weights,
      ],
      'id, external_id',
    );
    const idOf = new Map(made.map((row) => [String(row.external_id), Number(row.id)]));
    const ids = new Map<number, number>();
    for (const learner of people.learners) {
      const id = idOf.get(learner.person.externalId);
      if (id === undefined) throw new Error(`simulated person ${learner.person.externalId} was not stored`);
      ids.set(learner.userId, id);
    }
    const tableId = (userId: number) => {
      const id = ids.get(userId);
      if (id === undefined) throw new Error(`simulated user ${userId} has no person`);
      return id;
    };
    await insertRows(tx, cardStates, ['userId', 'cardId', ...MEMORY_FIELDS], people.states, (row) => [
      tableId(row.userId),
      row.cardId,
      ...MEMORY_FIELDS.map((field) => row.state[field]),
    ]);
    await insertRows(
      tx,
      reviews,
      [
        'tenantId',
        'userId',
        'cardId',
        'rating',
        'stateBefore',
        'dueBefore',
        'stabilityBefore',
        'difficultyBefore',
        'elapsedDays',
        'lastElapsedDays',
        'scheduledDaysBefore',
        'learningStepsBefore',
        'lastReviewBefore',
        'repsBefore',
        'lapsesBefore',
        'dueAfter',
        'answer',
        'verdict',
        'responseMs',
        'reviewedAt',
      ],
      people.reviews,
      ({ record, ...review }) => [
        review.tenantId,
        tableId(review.userId),
        review.cardId,
        record.rating,
        record.before.state,
        record.before.due,
        record.before.stability,
        record.before.difficulty,
        record.elapsedDays,
        record.lastElapsedDays,
        record.before.scheduledDays,
        record.before.learningSteps,
        record.before.lastReview,
        record.before.reps,
        record.before.lapses,
        record.after.due,
        review.answer,
        review.verdict,
        review.responseMs,
        record.reviewedAt,
      ],
    );
    return ids;
  });
}

/**
 * The foreign keys of the rows about to be written, checked once per key rather than once per row: the
 * tenant and the deck's cards are locked as the keys' own checks lock them (FOR KEY SHARE, so neither can be
 * deleted before the commit), the people are made in this transaction; then, where the role may (a superuser:
 * PGlite always, PostgreSQL's `postgres`), the per-row checks are skipped for the rest of the transaction.
 * They were half of the write: 29,285 reviews took 2.0 s into the table, 0.9 s without them (PGlite).
 */
async function checkReferencesOnce(tx: TransactionRunner, people: SimulatedPeople): Promise<void> {
  const [role] = await tx.query<{ superuser: string }>(`select current_setting('is_superuser') as superuser`);
  if (role?.superuser !== 'on') return;
  const cardIds = [...new Set([...people.states, ...people.reviews].map((row) => row.cardId))];
  const [found] = await tx.query<{ cards: number; tenants: number }>(
    `select (select count(*)::int from (select 1 from cards
       where id in (select jsonb_array_elements_text($1::jsonb)) for key share) c) as cards,
     (select count(*)::int from (select 1 from tenants where id = $2 for key share) t) as tenants`,
    [JSON.stringify(cardIds), people.place.tenantId],
  );
  if (found?.cards !== cardIds.length || found.tenants !== 1)
    throw new Error(
      `a simulated card or tenant is not stored (${found?.cards ?? 0} of ${cardIds.length} cards)`,
    );
  await tx.query('set local session_replication_role = replica');
}
