import type { Clock } from '../core/clock.ts';
import type { Card } from '../core/deck/card.ts';
import type { Person, Place } from '../core/people.ts';
import type { AnswerInput } from '../core/quiz/answer.ts';
import type { QuizStore, StoredReview } from '../core/quiz/ports.ts';
import { Quiz } from '../core/quiz/quiz.ts';
import type { Rating } from '../core/rating.ts';
import { MemoryModel } from './memory.ts';
import { type MemoryCardState, type MemoryLearner, MemoryQuizStore } from './memory-quiz-store.ts';
import { SeededRandom } from './random.ts';

const DAY = 86_400_000; // ms
const MINUTE = 60_000; // ms
const STUDY = {
  /** Recall probability of a card's first showing: the person has not learned it yet. */
  firstRecall: 0.5,
  /** A learning step due this soon after the queue empties is waited for within the session. */
  waitWithin: 30 * MINUTE,
  /** Cards shown per day at most (a guard against a loop: the day's limits stop far sooner). */
  cardsPerDay: 2_000,
} as const;

/** What a learner studies: the deck, for how many days from when, at which desired retention. */
export interface StudyOptions {
  days: number;
  deckId: string;
  retention: number;
  /** The first simulated day (midnight UTC, the simulated people's zone). */
  start?: Date;
}

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
 * One learner's days through the real Quiz over `store`: the simulator's is in memory; the contract test runs
 * it over PgQuizStore too, which must give the same log. `newId` makes prompt ids (PgQuizStore's are UUIDs).
 */
export async function studyDays(
  store: QuizStore,
  place: Place,
  plan: LearnerPlan,
  options: StudyOptions,
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
    for (; shown < STUDY.cardsPerDay; shown++) {
      const next = await quiz.next(place, plan.person, { deckId: options.deckId });
      if (!next.ok) {
        // Waits for a learning step due soon; a card due already means the day's limit is reached.
        const due = next.nextDue?.getTime() ?? Number.POSITIVE_INFINITY;
        const wait = due - clock.now().getTime();
        if (wait > 0 && wait <= STUDY.waitWithin && due < start + (day + 1) * DAY) {
          clock.set(due);
          continue;
        }
        break;
      }
      const { card, id } = next.prompt;
      const shownAt = clock.now();
      const recall = truth.recall(card.id, shownAt);
      const correct = random.next() < (recall ?? STUDY.firstRecall);
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
    if (shown === STUDY.cardsPerDay)
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

/** A batch of learners to study together, over one quiz store in memory (a worker thread's job). */
export interface StudyJob {
  cards: readonly Card[];
  place: Place;
  plans: readonly LearnerPlan[];
  options: StudyOptions;
}

/** What a batch made: each learner's run, and the store's people, card states and reviews to write. */
export interface StudiedBatch {
  runs: LearnerRun[];
  learners: MemoryLearner[];
  states: MemoryCardState[];
  reviews: StoredReview[];
}

/** Studies each learner of the batch in turn, all over one MemoryQuizStore. */
export async function studyBatch(job: StudyJob): Promise<StudiedBatch> {
  const store = new MemoryQuizStore(job.cards);
  const runs: LearnerRun[] = [];
  for (const plan of job.plans) runs.push(await studyDays(store, job.place, plan, job.options));
  return { runs, learners: store.learners(), states: store.cardStates(), reviews: [...store.reviews()] };
}
