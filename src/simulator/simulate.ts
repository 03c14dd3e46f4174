import { availableParallelism } from 'node:os';
import type { ParameterFitter } from '../core/memory-model/fit.ts';
import { FIT_RULES } from '../core/memory-model/fit.ts';
import { MemoryModelOptimizer, type PersonFitReport } from '../core/memory-model/optimizer.ts';
import type { Place } from '../core/people.ts';
import type { Weights } from '../core/scheduling/scheduler.ts';
import type { Connection } from '../db/client.ts';
import { PgMemoryModelStore } from '../db/memory-model-store.ts';
import { deckCards, SIM_PLATFORM, storeSimulatedPeople } from '../db/simulation-store.ts';
import { drawWeights, MemoryModel } from './memory.ts';
import { SeededRandom } from './random.ts';
import type { LearnerPlan, LearnerRun } from './study.ts';
import { StudyPool } from './study-pool.ts';

export interface SimulationOptions {
  learners: number;
  days: number;
  deckId: string;
  seed: number;
  /** The desired retention every simulated person sets. */
  retention: number;
  /** The first simulated day (midnight UTC, the simulated people's zone). */
  start?: Date;
  /** Threads the learners study in (default: one per core); 1 studies them in this thread. */
  threads?: number;
}

/** One simulated person's fit, with how close the fit's and the defaults' predictions are to the truth. */
export interface SimulatedFitReport extends PersonFitReport {
  /** Mean |predicted − true recall probability| on the newest 20% of reviews, with the defaults / the fit. */
  truth_mae_before: number;
  truth_mae_after: number;
}

export interface SimulationReport {
  learners: number;
  days: number;
  deck: string;
  seed: number;
  retention: number;
  /** Reviews on each simulated day, all learners together. */
  reviews_per_day: number[];
  reviews: number;
  /** Mean true recall probability of the reviews of cards last seen on an earlier day. */
  true_retention: number;
  /** Minutes a learner spent per day, on average (answering and reading the verdict). */
  minutes_per_day: number;
  people: SimulatedFitReport[];
  /** People whose fit beat the defaults on both figures on their held-out reviews (and so was adopted). */
  adopted: number;
  /** Right answers (the card's own answer or option) that the quiz graded wrong: a grading problem to look at. */
  misgraded: number;
  /**
   * What the run took on this machine: studying (the Quiz in memory), writing to the database, and the fits
   * still running once everyone has studied (each batch is fitted while the next one studies).
   */
  seconds: { study: number; write: number; fit: number };
}

const DAY = 86_400_000; // ms
const MINUTE = 60_000; // ms
const SIMULATION = {
  /**
   * Learners studied together (on one worker thread, over one store in memory) and then written together: at
   * most about 50,000 reviews, a few large INSERTs, and the memory they held let go.
   */
  learnersPerWrite: 10,
  /** People fitted at once: the fits run in the binding's threads, so they use every core. */
  fitsAtOnce: 4,
} as const;

/**
 * Simulated people study a deck through the real Quiz, day by day on a simulated clock: each answers right
 * with the probability their true FSRS-6 memory gives. Then the optimizer fits each of them, and the fits are
 * compared with the truth.
 */
export async function simulate(
  connection: Connection,
  options: SimulationOptions,
  fitter: ParameterFitter,
): Promise<SimulationReport> {
  const random = new SeededRandom(options.seed);
  const place: Place = {
    tenantId: `${SIM_PLATFORM}:${options.seed}`,
    platform: SIM_PLATFORM,
    name: 'simulation',
  };
  const cards = await deckCards(connection.db, options.deckId);
  const plans = Array.from({ length: options.learners }, (_, i) => ({
    person: { platform: SIM_PLATFORM, externalId: `${options.seed}:${i + 1}` },
    weights: drawWeights(random),
    seed: Math.floor(random.next() * 4_294_967_296),
  }));
  const spent = { study: 0, write: 0, fit: 0 };
  const timed = async <T>(phase: keyof typeof spent, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      spent[phase] += (performance.now() - started) / 1_000;
    }
  };
  const optimizer = new MemoryModelOptimizer({
    store: new PgMemoryModelStore(connection.db),
    fitter,
    clock: { now: () => new Date((options.start?.getTime() ?? 0) + options.days * DAY) },
  });
  const modelStore = new PgMemoryModelStore(connection.db);
  const fitOne = async (run: LearnerRun): Promise<SimulatedFitReport | null> => {
    const person = await modelStore.findPerson(run.person.platform, run.person.externalId);
    if (!person) return null;
    const outcome = await optimizer.optimize(person);
    if (!outcome.ok) return null;
    return {
      ...outcome.report,
      truth_mae_before: truthError(run, person.weights),
      truth_mae_after: truthError(run, outcome.fit.weightsFitted),
    };
  };
  const fitSome = async (some: readonly LearnerRun[]) => {
    const fitted: (SimulatedFitReport | null)[] = [];
    for (let i = 0; i < some.length; i += SIMULATION.fitsAtOnce)
      fitted.push(...(await Promise.all(some.slice(i, i + SIMULATION.fitsAtOnce).map(fitOne))));
    return fitted;
  };

  // Each learner studies through the real Quiz over a quiz store in memory, a batch of them per worker thread;
  // each batch is written as it comes (in order), then fitted while later batches study (fsrs-rs computes
  // in the binding's own threads).
  const batches: LearnerPlan[][] = [];
  const threads = Math.max(1, options.threads ?? availableParallelism());
  // Few learners are split so that every thread has some: 10 on 2 cores are two batches of 5.
  const perBatch = Math.max(1, Math.min(SIMULATION.learnersPerWrite, Math.ceil(plans.length / threads)));
  for (let i = 0; i < plans.length; i += perBatch) batches.push(plans.slice(i, i + perBatch));
  const pool = new StudyPool(Math.min(threads, batches.length));
  const started = performance.now();
  let studied = started;
  const runs: LearnerRun[] = [];
  let fitting: Promise<(SimulatedFitReport | null)[]> = Promise.resolve([]);
  try {
    const studying = batches.map((batch) =>
      pool.study({ cards, place, plans: batch, options }).then((done) => {
        studied = performance.now();
        return done;
      }),
    );
    for (const pending of studying) pending.catch(() => undefined); // thrown where awaited, below
    for (const [i, pending] of studying.entries()) {
      const batch = await pending;
      runs.push(...batch.runs);
      await timed('write', async () => {
        await storeSimulatedPeople(connection, { place, ...batch });
        // The planner's statistics of the tables just filled, for the fits' reads (PGlite has no autovacuum).
        if (i === 0) await connection.raw.exec('analyze card_states, reviews, users');
      });
      const before = fitting;
      fitting = before.then(async (done) => [...done, ...(await fitSome(batch.runs))]);
      fitting.catch(() => undefined); // a failed fit is thrown where it is awaited, below
    }
  } finally {
    await pool.close();
  }
  spent.study = (studied - started) / 1_000;
  // What the fits still take once every learner has studied.
  const fits = await timed('fit', () => fitting);
  const people = fits.filter((fit): fit is SimulatedFitReport => fit !== null);
  const longTerm = runs.flatMap((run) => run.answers.filter((answer) => answer.longTerm));
  const reviewsPerDay = Array.from({ length: options.days }, (_, day) =>
    runs.reduce((sum, run) => sum + (run.perDay[day] ?? 0), 0),
  );
  return {
    learners: options.learners,
    days: options.days,
    deck: options.deckId,
    seed: options.seed,
    retention: options.retention,
    reviews_per_day: reviewsPerDay,
    reviews: reviewsPerDay.reduce((a, b) => a + b, 0),
    true_retention: mean(longTerm.map((answer) => answer.recall ?? 0)),
    minutes_per_day: runs.reduce((sum, run) => sum + run.spentMs, 0) / MINUTE / runs.length / options.days,
    people,
    adopted: people.filter((person) => person.adopted).length,
    misgraded: runs.reduce((sum, run) => sum + run.misgraded, 0),
    seconds: { study: round(spent.study), write: round(spent.write), fit: round(spent.fit) },
  };
}

/**
 * Mean |predicted − true| recall probability over the newest 20% of the learner's reviews of cards seen on
 * an earlier day, predicting with `weights` from the same review log.
 */
function truthError(run: LearnerRun, weights: Weights): number {
  const model = new MemoryModel(weights);
  const cut = Math.floor(run.answers.length * (1 - FIT_RULES.heldOutShare));
  const errors: number[] = [];
  run.answers.forEach((answer, i) => {
    const predicted = model.recall(answer.cardId, answer.at);
    if (i >= cut && answer.longTerm && predicted !== null && answer.recall !== null)
      errors.push(Math.abs(predicted - answer.recall));
    model.review(answer.cardId, answer.at, answer.rating);
  });
  return mean(errors);
}

const round = (seconds: number) => Math.round(seconds * 1_000) / 1_000;

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
