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
 * scores and the refit: everything but reading the log), and `mnemo simulate` at the sizes asked (every
 * learner over every day: the real Quiz over its store in memory, the bulk write, the fits), with its parts.
 */
export async function memoryModelSuite(db: BenchDatabase, sizes: Sizes, log: (line: string) => void) {
  const results: Result[] = [];
  const { log: reviews } = simulatedLog({ cards: 2_000, days: 365, retention: 0.9, seed: 1 });
  const person = reviews.slice(0, sizes.optimizeReviews);
  log(`memory model: fitting one person's ${person.length} reviews`);
  const fit = await timed(() => fitWeights(trainingHistory(person, 'UTC').items, null, fsrsBindingFitter));
  results.push(result('memory_model_optimize', fit.ms, 'ms'));

  await addDeck(db, sizes.simulationCards);
  const { simulationLearners: learners, simulationDays: days, simulationCards: cards } = sizes;
  log(
    `memory model: simulating ${learners} learners × ${days} days of a ${cards}-card deck, then fitting them`,
  );
  const run = await timed(() =>
    simulate(db.connection, { learners, days, deckId: DECK, seed: 1, retention: 0.9 }, fsrsBindingFitter),
  );
  // The floor of the study: the same learners' years computed with ts-fsrs alone (no Quiz, no store, no
  // grading), as test/support/learners.ts makes review logs for the fit's tests.
  log(`memory model: the floor, ${learners} learners' years with ts-fsrs alone`);
  const floor = await timed(async () => {
    let reviews = 0;
    for (let seed = 1; seed <= learners; seed++)
      reviews += simulatedLog({ cards, days, retention: 0.9, seed }).log.length;
    return reviews;
  });
  const { seconds } = run.value;
  results.push(
    result('memory_model_simulate_learners', learners, 'learners'),
    result('memory_model_simulate_days', days, 'days'),
    result('memory_model_simulate_cards', cards, 'cards'),
    result('memory_model_simulate_total', run.ms / 1_000, 's'),
    result('memory_model_simulate_study', seconds.study, 's', {
      baseline: floor.ms / 1_000,
      better: 'lower',
    }),
    result('memory_model_simulate_write', seconds.write, 's'),
    result('memory_model_simulate_fit', seconds.fit, 's'),
    result('memory_model_simulate_reviews', run.value.reviews, 'reviews'),
    // The floor's learners study a little differently (no grading, 09:00 sessions): its count, for scale.
    result('memory_model_simulate_floor_reviews', floor.value, 'reviews'),
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
