import { describe, expect, it } from 'vitest';
import { FIT_RULES, fitWeights } from '../../src/core/memory-model/fit.ts';
import { trainingHistory } from '../../src/core/memory-model/history.ts';
import { fsrsBindingFitter } from '../../src/memory-model/fsrs-binding.ts';
import { simulatedLog } from '../support/learners.ts';

describe('fitting FSRS weights to a person (fsrs-rs)', () => {
  it('GIVEN 20 simulated learners × 120 days THEN the fit beats the defaults on held-out reviews for most, and only those fits are adopted', async () => {
    let beaten = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { log } = simulatedLog({ cards: 60, days: 120, retention: 0.9, seed });
      const fit = await fitWeights(trainingHistory(log, 'UTC').items, null, fsrsBindingFitter);
      if (!fit.ok) throw new Error(`learner ${seed}: ${fit.code}`);
      const wins = fit.after.logLoss < fit.before.logLoss && fit.after.rmseBins < fit.before.rmseBins;
      expect(fit.adopted).toBe(wins);
      expect(fit.weightsAdopted === null).toBe(!wins);
      expect(fit.weightsFitted).toHaveLength(21);
      if (wins) beaten++;
    }
    expect(beaten).toBeGreaterThanOrEqual(11);
  }, 120_000);

  it('GIVEN too few repeat reviews THEN nothing is fitted', async () => {
    const { log } = simulatedLog({ cards: 10, days: 10, retention: 0.9, seed: 3 });
    const { items } = trainingHistory(log, 'UTC');
    expect(items.length).toBeLessThan(FIT_RULES.minItems);
    expect(await fitWeights(items, null, fsrsBindingFitter)).toEqual({
      ok: false,
      code: 'TOO_FEW_REVIEWS',
      items: items.length,
    });
  });
});
