import type { Clock } from '../core/clock.ts';
import type { Card } from '../core/deck/card.ts';
import type { ParameterFitter } from '../core/memory-model/fit.ts';
import { FIT_RULES } from '../core/memory-model/fit.ts';
import { MemoryModelOptimizer, type PersonFitReport } from '../core/memory-model/optimizer.ts';
import type { Person, Place } from '../core/people.ts';
import type { AnswerInput } from '../core/quiz/answer.ts';
import type { QuizStore } from '../core/quiz/ports.ts';
import { Quiz } from '../core/quiz/quiz.ts';
import type { Rating } from '../core/rating.ts';
import type { Weights } from '../core/scheduling/scheduler.ts';
import type { Connection } from '../db/client.ts';
import { PgMemoryModelStore } from '../db/memory-model-store.ts';
import { deckCards, SIM_PLATFORM, storeSimulatedPeople } from '../db/simulation-store.ts';
import { drawWeights, MemoryModel } from './memory.ts';
import { MemoryQuizStore } from './memory-quiz-store.ts';
import { SeededRandom } from './random.ts';

export interface SimulationOptions {
  learners: number;
  days: number;
  deckId: string;
  seed: number;
  /** The desired retention every simulated person sets. */
  retention: number;
  /** The first simulated day (midnight UTC, the simulated people's zone). */
  start?: Date;
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
  /** Recall probability of a card's first showing: the person has not learned it yet. */
  firstRecall: 0.5,
  /** A learning step due this soon after the queue empties is waited for within the session. */
  waitWithin: 30 * MINUTE,
  /** Cards shown per day at most (a guard against a loop: the day's limits stop far sooner). */
  cardsPerDay: 2_000,
  /**
   * Learners studied in memory before their rows are written, together: about 50,000 reviews, a few large
   * INSERTs, and the memory they held let go.
   */
  learnersPerWrite: 10,
  /** People fitted at once: the fits run in the binding's threads, so they use every core. */
  fitsAtOnce: 4,
} as const;

/** A clock the simulation moves. */
class SimulatedClock implements Clock {
  #now: number;
  constructor(start: number) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: number): void {
    this.#now = at;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** Who a simulated learner is, their true memory, and the seed of their answers and times. */
export interface LearnerPlan {
  person: Person;
  weights: number[];
  seed: number;
}

/** `prefix1`, `prefix2`, …: prompt ids for a quiz store in memory. */
function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export interface LoggedAnswer {
  cardId: string;
  at: Date;
  rating: Rating;
  /** The true recall probability at the answer; null on a card's first showing. */
  recall: number | null;
  /** Whether the card's previous review was on an earlier day. */
  longTerm: boolean;
}

export interface LearnerRun {
  person: Person;
  weights: number[];
  answers: LoggedAnswer[];
  perDay: number[];
  spentMs: number;
  misgraded: number;
}

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

  // Each learner studies through the real Quiz over a quiz store in memory; each batch of them is written,
  // then fitted while the next batch studies (fsrs-rs computes in the binding's own threads).
  const runs: LearnerRun[] = [];
  let fitting: Promise<(SimulatedFitReport | null)[]> = Promise.resolve([]);
  for (let i = 0; i < plans.length; i += SIMULATION.learnersPerWrite) {
    const store = new MemoryQuizStore(cards);
    const batch: LearnerRun[] = [];
    for (const plan of plans.slice(i, i + SIMULATION.learnersPerWrite))
      batch.push(await timed('study', () => studyDays(store, place, plan, options)));
    runs.push(...batch);
    await timed('write', async () => {
      await storeSimulatedPeople(connection, {
        place,
        learners: store.learners(),
        states: store.cardStates(),
        reviews: store.reviews(),
      });
      // The planner's statistics of the tables just filled, for the fits' reads (PGlite has no autovacuum).
      await connection.raw.exec('analyze card_states, reviews, users');
    });
    const before = fitting;
    fitting = before.then(async (done) => [...done, ...(await fitSome(batch))]);
    fitting.catch(() => undefined); // a failed fit is thrown where it is awaited, below
  }
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
 * One learner's days through the real Quiz over `store`: the simulator's is in memory; the contract test runs
 * it over PgQuizStore too, which must give the same log. `newId` makes prompt ids (PgQuizStore's are UUIDs).
 */
export async function studyDays(
  store: QuizStore,
  place: Place,
  plan: LearnerPlan,
  options: Pick<SimulationOptions, 'days' | 'deckId' | 'retention' | 'start'>,
  newId: () => string = counter(`${plan.person.externalId}:`),
): Promise<LearnerRun> {
  const random = new SeededRandom(plan.seed);
  const start = options.start?.getTime() ?? Date.UTC(2026, 0, 5);
  const clock = new SimulatedClock(start);
  const quiz = new Quiz({ store, clock, newId });
  const truth = new MemoryModel(plan.weights);
  const run: LearnerRun = {
    person: plan.person,
    weights: plan.weights,
    answers: [],
    perDay: [],
    spentMs: 0,
    misgraded: 0,
  };
  const changed = await quiz.changeSettings(plan.person, { desiredRetention: options.retention });
  if (!changed.ok) throw new Error(`retention ${options.retention}: ${changed.message}`);
  const lastDay = new Map<string, number>();
  for (let day = 0; day < options.days; day++) {
    // The quiz store in memory answers at once: a turn of the event loop a day lets finished fits be read.
    await new Promise(setImmediate);
    // Each day's session starts some time between 08:00 and 20:00.
    clock.set(start + day * DAY + Math.floor(random.between(8, 20) * 60) * MINUTE);
    let shown = 0;
    for (; shown < SIMULATION.cardsPerDay; shown++) {
      const next = await quiz.next(place, plan.person, { deckId: options.deckId });
      if (!next.ok) {
        // Waits for a learning step due soon; a card due already means the day's limit is reached.
        const due = next.nextDue?.getTime() ?? Number.POSITIVE_INFINITY;
        const wait = due - clock.now().getTime();
        if (wait > 0 && wait <= SIMULATION.waitWithin && due < start + (day + 1) * DAY) {
          clock.set(due);
          continue;
        }
        break;
      }
      const { card, id } = next.prompt;
      const shownAt = clock.now();
      const recall = truth.recall(card.id, shownAt);
      const correct = random.next() < (recall ?? SIMULATION.firstRecall);
      // Thinking time: a right answer often comes fast enough to be rated Easy.
      const thinking = Math.round((correct ? random.between(1.5, 12) : random.between(4, 20)) * 1_000);
      clock.advance(thinking);
      if (card.kind === 'self') await quiz.reveal(id, plan.person);
      const answered = await quiz.answer(id, plan.person, answerFor(card, correct));
      if (!answered.ok) throw new Error(`simulated answer to ${card.id} refused: ${answered.code}`);
      if (correct && answered.rating === 1) run.misgraded++;
      const at = clock.now();
      truth.review(card.id, at, answered.rating);
      const previous = lastDay.get(card.id);
      run.answers.push({
        cardId: card.id,
        at,
        rating: answered.rating,
        recall,
        longTerm: previous !== undefined && previous < day,
      });
      lastDay.set(card.id, day);
      const reading = Math.round(random.between(1, 4) * 1_000);
      clock.advance(reading);
      run.spentMs += thinking + reading;
      run.perDay[day] = (run.perDay[day] ?? 0) + 1;
    }
    if (shown === SIMULATION.cardsPerDay)
      throw new Error(`learner ${plan.person.externalId} never finished day ${day}`);
  }
  return run;
}

/** A right or a wrong answer to the card, as a person would give it. */
function answerFor(card: Card, correct: boolean): AnswerInput {
  if (card.kind === 'self') return { kind: 'self', rating: correct ? 3 : 1 };
  if (card.kind === 'choice') {
    const right = card.correctOption ?? 0;
    return { kind: 'choice', option: correct ? right : (right + 1) % card.options.length };
  }
  return { kind: 'typed', text: correct ? card.answer : 'no idea' };
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
