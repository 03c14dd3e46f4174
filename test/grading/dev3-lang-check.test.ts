import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { DEV3_CHECK } from './dev3-lang/check-half.ts';
import { DEV3_DEV } from './dev3-lang/dev-half.ts';
import { measure, summary } from './domains/measure.ts';

// The check half of the third set, committed before the grader's sixth round and measured once, at its end
// (2026-11-28): 89.4% agreement, 5.5% false accepts, 0.0% of its 9 teacher-accepted synonyms (none English),
// against issue #16's 95%, 3% and 70%. Only the summary is printed, never the misses: develop on the
// development half; these floors only keep a change from losing ground. Round ten traded on purpose: the
// thesauri for es/fr/de/it/pt (task g8) took it to 91.7% agreement and 55.6% of its synonyms, at 8.8% false
// accepts (two more wrong answers accepted; the thesauri list a kind of a word among its synonyms).
const FLOOR = { agreement: 0.917, falseAccepts: 0.089 } as const;

await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt']);

describe('grading accuracy on the check half of the third set (never developed against)', () => {
  const result = measure(DEV3_CHECK, [...DEV3_DEV, ...DEV3_CHECK]);
  console.log(`dev3 check half: ${summary(result)}`);

  it(`GIVEN the half THEN the grader agrees with the teacher on at least ${FLOOR.agreement * 100}%`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(FLOOR.agreement);
  });

  it(`GIVEN its wrong answers THEN at most ${FLOOR.falseAccepts * 100}% are accepted`, () => {
    expect(result.falseAcceptRate).toBeLessThanOrEqual(FLOOR.falseAccepts);
  });
});
