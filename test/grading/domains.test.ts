import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { DEV_HALF } from './domains/dev-half.ts';
import { measure, percent, report } from './domains/measure.ts';
import { TEST_HALF } from './domains/test-half.ts';

// Issue #16's targets on any domain are 95% agreement, 3% false accepts and 70% of teacher-accepted synonyms.
// Both halves of this set have been looked at, so both are development data now; a fresh held-out set is
// measured apart from it. Not met yet (first half: 89.3%, 3.4%, 41.4% after the first pass; 93.7%, 1.5%,
// 44.8% after round three; 94.0%, 1.5%, 44.8% after round four. Second half, held out until round three:
// 87.5%, 3.9%, 20.8%; 91.5%, 2.4%, 29.2% after round four; round five, developed on the second development
// set: first half 94.6%, 1.5%, 48.3%, second half 92.9%, 1.2%, 33.3%, with four missing accents relabelled
// close as the labelling policy says; round six, developed on the third set: first half 94.7%, 0.8%, 48.3%,
// second half 93.4%, 0.4%, 33.3%): these floors keep what was reached, so a change that loses ground
// fails; raise them as the grader improves, up to the targets.
const FLOORS = {
  first: { agreement: 0.947, falseAccepts: 0.008, synonyms: 0.48 },
  second: { agreement: 0.933, falseAccepts: 0.004, synonyms: 0.33 },
} as const;

await loadLanguages(['en', 'es', 'fr', 'de']);

const ALL = [...DEV_HALF, ...TEST_HALF];

describe('the many-domain labelled set', () => {
  it('GIVEN the set THEN it spans at least 25 domains and the four languages', () => {
    expect(new Set(ALL.map((card) => card.domain)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(ALL.map((card) => card.lang))).toEqual(new Set(['en', 'es', 'fr', 'de']));
    expect(ALL.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(1_200);
  });
});

for (const [name, half, floor] of [
  ['first', DEV_HALF, FLOORS.first],
  ['second', TEST_HALF, FLOORS.second],
] as const) {
  describe(`grading accuracy on the ${name} development half of the many-domain labelled set`, () => {
    const result = measure(half, ALL);
    console.log(report(`${name} half`, result));

    it(`GIVEN the ${name} half THEN the grader agrees with the teacher on at least ${percent(floor.agreement)}`, () => {
      expect(result.agreement).toBeGreaterThanOrEqual(floor.agreement);
    });

    it(`GIVEN its wrong answers THEN at most ${percent(floor.falseAccepts)} are accepted`, () => {
      expect(result.falseAcceptRate).toBeLessThanOrEqual(floor.falseAccepts);
    });

    it(`GIVEN its teacher-accepted synonyms THEN at least ${percent(floor.synonyms)} are accepted`, () => {
      expect(result.synonymsAccepted).toBeGreaterThanOrEqual(floor.synonyms);
    });
  });
}
