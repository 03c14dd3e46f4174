import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from '@open-spaced-repetition/binding';
import type { Evaluation, ParameterFitter } from '../core/memory-model/fit.ts';
import type { TrainingItem } from '../core/memory-model/history.ts';
import type { Weights } from '../core/scheduling/scheduler.ts';

/**
 * The FSRS reference optimizer (fsrs-rs through its Node binding). Short-term memory is on, since FSRS-6
 * fits the same-day weights too (they stay at their defaults without same-day reviews in the items).
 */
export const fsrsBindingFitter: ParameterFitter = {
  fit: (items) => computeParameters(toBinding(items), { enableShortTerm: true }).catch(nullIfTooFew),
  evaluate(items, weights: Weights): Evaluation | null {
    const model = weights === null ? new FSRSBinding() : new FSRSBinding([...weights]);
    try {
      const { logLoss, rmseBins } = model.evaluate(toBinding(items));
      return { logLoss, rmseBins };
    } catch (error) {
      return nullIfTooFew(error);
    }
  },
};

/** fsrs-rs says NotEnoughData when too few items are left once it has set aside outliers: that is no error. */
function nullIfTooFew(error: unknown): null {
  if (error instanceof Error && error.message.includes('NotEnoughData')) return null;
  throw error;
}

function toBinding(items: readonly TrainingItem[]): FSRSBindingItem[] {
  return items.map(
    (item) =>
      new FSRSBindingItem(item.reviews.map((review) => new FSRSBindingReview(review.rating, review.deltaT))),
  );
}
