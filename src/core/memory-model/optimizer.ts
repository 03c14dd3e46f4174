import type { Clock } from '../clock.ts';
import { type FitOutcome, fitWeights, type ParameterFitter } from './fit.ts';
import { trainingHistory } from './history.ts';
import type { MemoryModelStore, ModelledPerson } from './ports.ts';

/** One person's line in `mnemo fsrs optimize --json`. */
export interface PersonFitReport {
  person: string;
  reviews: number;
  logloss_before: number;
  logloss_after: number;
  rmse_before: number;
  rmse_after: number;
  adopted: boolean;
}

export type PersonFitOutcome =
  | { ok: true; report: PersonFitReport; fit: Extract<FitOutcome, { ok: true }> }
  | { ok: false; code: 'TOO_FEW_REVIEWS'; person: string; reviews: number };

export const REFIT_RULES = {
  /** The daily job refits a person after this many reviews since their last fit (or since they started). */
  newReviews: 200,
} as const;

export interface OptimizerOptions {
  store: MemoryModelStore;
  fitter: ParameterFitter;
  clock: Clock;
}

/** Fits people's FSRS weights to their own reviews, by hand or in the daily job. */
export class MemoryModelOptimizer {
  readonly #store: MemoryModelStore;
  readonly #fitter: ParameterFitter;
  readonly #clock: Clock;

  constructor(options: OptimizerOptions) {
    this.#store = options.store;
    this.#fitter = options.fitter;
    this.#clock = options.clock;
  }

  /** Fits one person and keeps the fit (adopted or not) in their history. */
  async optimize(person: ModelledPerson): Promise<PersonFitOutcome> {
    const history = trainingHistory(await this.#store.reviewLog(person.userId), person.timeZone);
    const fit = await fitWeights(history.items, person.weights, this.#fitter);
    if (!fit.ok)
      return { ok: false, code: 'TOO_FEW_REVIEWS', person: person.label, reviews: history.reviews };
    const { reviews, lastReviewId } = history;
    await this.#store.saveFit(person.userId, { ...fit, reviews, lastReviewId }, this.#clock.now());
    return {
      ok: true,
      fit,
      report: {
        person: person.label,
        reviews,
        logloss_before: fit.before.logLoss,
        logloss_after: fit.after.logLoss,
        rmse_before: fit.before.rmseBins,
        rmse_after: fit.after.rmseBins,
        adopted: fit.adopted,
      },
    };
  }

  /** Fits each of `people` in turn. */
  async optimizeAll(people: readonly ModelledPerson[]): Promise<PersonFitOutcome[]> {
    const outcomes: PersonFitOutcome[] = [];
    for (const person of people) outcomes.push(await this.optimize(person));
    return outcomes;
  }

  /**
   * The daily job: once a day across all replicas (the first to claim the day's run does it), everyone with
   * enough new reviews since their last fit is refitted. Null when another replica has the day's run.
   */
  async daily(): Promise<PersonFitOutcome[] | null> {
    const now = this.#clock.now();
    const date = now.toISOString().slice(0, 10);
    if (!(await this.#store.claimDailyRun(date, now))) return null;
    const people = await this.#store.peopleToFit(REFIT_RULES.newReviews);
    const outcomes = await this.optimizeAll(people);
    await this.#store.finishDailyRun(date, this.#clock.now(), outcomes.length);
    return outcomes;
  }
}
