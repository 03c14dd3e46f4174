import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../../src/languages/load.ts';
import { measure, summary } from '../domains/measure.ts';
import { FRESH_HELD_OUT } from './held-out.ts';

// Measured once, on 2026-11-28, when the set was first graded (it was written blind: its author never ran
// or read the grader): 81.7% agreement, 2.2% false accepts, 13.5% of teacher-accepted synonyms accepted,
// against issue #16's targets of 95%, 3% and 70%. Only the summary is printed, never the misses: develop
// on test/grading/domains/ and keep this set held out; these floors only keep a change from losing ground.
const FLOOR = { agreement: 0.81, falseAccepts: 0.025, synonyms: 0.13 } as const;

await loadLanguages(['en', 'es', 'fr', 'de']);

describe('grading accuracy on the fresh held-out set (never developed against)', () => {
  const result = measure(FRESH_HELD_OUT);
  console.log(summary(result));

  it(`GIVEN the set THEN the grader agrees with the teacher on at least ${FLOOR.agreement * 100}%`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(FLOOR.agreement);
  });

  it(`GIVEN its wrong answers THEN at most ${FLOOR.falseAccepts * 100}% are accepted`, () => {
    expect(result.falseAcceptRate).toBeLessThanOrEqual(FLOOR.falseAccepts);
  });

  it(`GIVEN its teacher-accepted synonyms THEN at least ${FLOOR.synonyms * 100}% are accepted`, () => {
    expect(result.synonymsAccepted).toBeGreaterThanOrEqual(FLOOR.synonyms);
  });
});
