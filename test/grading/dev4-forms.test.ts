import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev4-forms/check-half.ts';

// Issue #16, task g1 ("forms 2"): names, numbers, quantities and formulas in six languages, split at random into
// a development half and a check half. The check half was committed first, before the grader changed; it is
// measured once, at the end of the round.
const LABELS = new Set(['correct', 'close', 'wrong']);

await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt']);

describe('the check half of the second forms set', () => {
  it('GIVEN the check half THEN it spans at least 15 domains, six languages and 350 answers', () => {
    expect(new Set(CHECK_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(CHECK_HALF.map((card) => card.lang))).toEqual(
      new Set(['en', 'es', 'fr', 'de', 'it', 'pt']),
    );
    expect(CHECK_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(350);
  });

  it('GIVEN each answer THEN its label is valid and the expected answer itself is labelled correct', () => {
    for (const card of CHECK_HALF) {
      for (const [answer, label] of card.cases) {
        expect(LABELS.has(label), answer).toBe(true);
        if (answer === card.expected) expect(label, answer).toBe('correct');
      }
    }
  });
});
