import { sql } from 'drizzle-orm';
import { fitWeights } from '../src/core/memory-model/fit.ts';
import { trainingHistory } from '../src/core/memory-model/history.ts';
import { cards as cardsTable, decks } from '../src/db/schema.ts';
import { dropSimulations } from '../src/db/simulation-store.ts';
import { fsrsBindingFitter } from '../src/memory-model/fsrs-binding.ts';
import { simulate } from '../src/simulator/simulate.ts';
import { simulatedLog } from '../test/support/learners.ts';
import type { BenchDatabase } from './database.ts';
import { timed } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const DECK = 'bench-simulation';

/**
 * The optimizer on one person's 10,000 reviews (their day-first reviews made into items, the 80% fit, both
 * scores and the refit: everything but reading the log), and `mnemo simulate` through the real Quiz, on a
 * sample of the learners (each over every day), projected to all of them.
 */
export async function memoryModelSuite(db: BenchDatabase, sizes: Sizes, log: (line: string) => void) {
  const results: Result[] = [];
  const { log: reviews } = simulatedLog({ cards: 2_000, days: 365, retention: 0.9, seed: 1 });
  const person = reviews.slice(0, sizes.optimizeReviews);
  log(`memory model: fitting one person's ${person.length} reviews`);
  const fit = await timed(() => fitWeights(trainingHistory(person, 'UTC').items, null, fsrsBindingFitter));
  results.push(result('memory_model_optimize', fit.ms, 'ms'));

  await addDeck(db, sizes.simulationCards);
  // Learners are independent and studied in fixed batches, so a sample of them over every day gives the
  // whole run's time in proportion: the full 100 × 365 through the real Quiz would take hours (README).
  const { simulationLearners: learners, simulationSampleLearners: sample, simulationDays: days } = sizes;
  log(
    `memory model: simulating ${sample} of ${learners} learners × ${days} days of a ${sizes.simulationCards}-card deck`,
  );
  const run = await timed(() =>
    simulate(
      db.connection,
      { learners: sample, days, deckId: DECK, seed: 1, retention: 0.9 },
      fsrsBindingFitter,
    ),
  );
  results.push(
    result('memory_model_simulate_sample', run.ms / 1_000, 's'),
    result('memory_model_simulate_projected', (run.ms / 1_000) * (learners / sample), 's'),
    result('memory_model_simulate_reviews', run.value.reviews, 'reviews'),
    result('memory_model_simulate_rate', (run.value.reviews * 1_000) / run.ms, 'reviews/s'),
  );
  await dropSimulations(db.connection.db);
  return results;
}

/** A deck of its own, written directly: a sync of it alone would retire the other suites' cards. */
async function addDeck(db: BenchDatabase, count: number): Promise<void> {
  const { db: orm } = db.connection;
  await orm
    .insert(decks)
    .values({ id: DECK, title: 'Simulation', sourcePath: `${DECK}.md`, contentHash: '-' })
    .onConflictDoNothing();
  await orm.execute(sql`delete from ${cardsTable} where deck_id = ${DECK}`);
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${DECK}-${i}`,
    deckId: DECK,
    kind: 'typed' as const,
    // An answer that shares no word with its question: the grader refuses one that repeats the question.
    question: `Simulated question ${i}?`,
    answer: `answer${i}`,
    position: i,
    sourceLine: i + 1,
    contentHash: '-',
  }));
  for (let i = 0; i < rows.length; i += 500) await orm.insert(cardsTable).values(rows.slice(i, i + 500));
}
