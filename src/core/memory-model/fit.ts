import type { Weights } from '../scheduling/scheduler.ts';
import type { TrainingItem } from './history.ts';

/** How well weights predict a set of reviews (the srs-benchmark's two figures; lower is better). */
export interface Evaluation {
  logLoss: number;
  rmseBins: number;
}

/**
 * Fits FSRS weights to training items and scores weights on items: the FSRS reference (fsrs-rs) outside core.
 * Both give null when the items are too few for it (fsrs-rs leaves out outliers and same-day items first).
 */
export interface ParameterFitter {
  fit(items: readonly TrainingItem[]): Promise<number[] | null>;
  /** `weights` null: FSRS-6's defaults. */
  evaluate(items: readonly TrainingItem[], weights: Weights): Evaluation | null;
}

export const FIT_RULES = {
  /** The newest share of items (by time) held out to judge a fit. */
  heldOutShare: 0.2,
  /** Items needed to fit: fsrs-rs needs about 64 reviews for all 21 weights, and the held-out share must be scored. */
  minItems: 80,
} as const;

export type FitOutcome =
  | {
      ok: true;
      weightsBefore: Weights;
      /** The fit on the first 80% of items, scored on the last 20% against the weights in use. */
      weightsFitted: number[];
      before: Evaluation;
      after: Evaluation;
      adopted: boolean;
      /** When adopted: the refit on every item, which the person is scheduled with from now on. */
      weightsAdopted: number[] | null;
    }
  | { ok: false; code: 'TOO_FEW_REVIEWS'; items: number };

/**
 * Fits on the first 80% of the items by time and scores the fit and the weights in use on the last 20%.
 * The fit is adopted only when it wins on both figures (lower log loss and lower RMSE(bins)); it is then
 * refitted on every item, so that the newest reviews count too.
 */
export async function fitWeights(
  items: readonly TrainingItem[],
  inUse: Weights,
  fitter: ParameterFitter,
): Promise<FitOutcome> {
  if (items.length < FIT_RULES.minItems) return { ok: false, code: 'TOO_FEW_REVIEWS', items: items.length };
  const cut = Math.floor(items.length * (1 - FIT_RULES.heldOutShare));
  const training = items.slice(0, cut);
  const heldOut = items.slice(cut);
  const tooFew = { ok: false, code: 'TOO_FEW_REVIEWS', items: items.length } as const;
  const weightsFitted = await fitter.fit(training);
  if (!weightsFitted) return tooFew;
  const before = fitter.evaluate(heldOut, inUse);
  const after = fitter.evaluate(heldOut, weightsFitted);
  if (!before || !after) return tooFew;
  const adopted = after.logLoss < before.logLoss && after.rmseBins < before.rmseBins;
  const weightsAdopted = adopted ? await fitter.fit(items) : null;
  return {
    ok: true,
    weightsBefore: inUse,
    weightsFitted,
    before,
    after,
    adopted: weightsAdopted !== null,
    weightsAdopted,
  };
}
