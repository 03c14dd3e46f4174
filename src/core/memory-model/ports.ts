import type { Weights } from '../scheduling/scheduler.ts';
import type { FitOutcome } from './fit.ts';
import type { LoggedReview } from './history.ts';

/** A person whose memory model can be fitted. */
export interface ModelledPerson {
  userId: number;
  /** `discord:<user id>`, `slack:<team>:<user>`: the platform and the person's id there. */
  label: string;
  timeZone: string;
  weights: Weights;
}

export type StoredFit = Extract<FitOutcome, { ok: true }> & { reviews: number; lastReviewId: number };

/** The latest fit of a person, for `/stats`: whether the schedule is fitted to them, and the figures. */
export interface FitSummary {
  fittedAt: Date;
  adopted: boolean;
  loglossBefore: number;
  loglossAfter: number;
  /** When the weights now in use were adopted; null while the person is on the defaults. */
  adoptedAt: Date | null;
}

export interface MemoryModelStore {
  findPerson(platform: string, externalId: string): Promise<ModelledPerson | null>;
  /** Everyone with at least `minNew` reviews logged since their last fit (since they started, if never fitted). */
  peopleToFit(minNew: number): Promise<ModelledPerson[]>;
  /** The person's reviews that stand (a disputed review is left out; its replacement stays). */
  reviewLog(userId: number): Promise<LoggedReview[]>;
  /** Keeps the fit in the history, and when adopted makes its weights the person's, in one transaction. */
  saveFit(userId: number, fit: StoredFit, at: Date): Promise<void>;
  latestFit(userId: number): Promise<FitSummary | null>;
  /** Claims the daily run of `date` (UTC): true for the one replica that gets it. */
  claimDailyRun(date: string, at: Date): Promise<boolean>;
  finishDailyRun(date: string, at: Date, people: number): Promise<void>;
}
