import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { DEV2 } from './dev2/set.ts';
import { measure, percent, report } from './domains/measure.ts';

// The second development set of issue #16, written before the fifth round changed the grader. Measured
// first: 93.1% agreement, 1.4% false accepts, 60.9% of synonyms (1,029 answers, 32 domains); after round
// five 96.1%, 0.7%, 65.2%; after round six (Hunspell's affix rules, accents that make another word) 96.3%,
// 0.5%, 65.2%. The floors keep what was reached, so a change that loses ground fails.
const FLOORS = { agreement: 0.963, falseAccepts: 0.005, synonyms: 0.65 } as const;

await loadLanguages(['en', 'es', 'fr', 'de']);

describe('the second development set', () => {
  it('GIVEN the set THEN it spans at least 20 domains, the four languages and 600 answers', () => {
    expect(new Set(DEV2.map((card) => card.domain)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(DEV2.map((card) => card.lang))).toEqual(new Set(['en', 'es', 'fr', 'de']));
    expect(DEV2.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(600);
  });
});

describe('grading accuracy on the second development set', () => {
  const result = measure(DEV2);
  console.log(report(`dev2`, result));

  it(`GIVEN the set THEN the grader agrees with the teacher on at least ${percent(FLOORS.agreement)}`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(FLOORS.agreement);
  });

  it(`GIVEN its wrong answers THEN at most ${percent(FLOORS.falseAccepts)} are accepted`, () => {
    expect(result.falseAcceptRate).toBeLessThanOrEqual(FLOORS.falseAccepts);
  });

  it(`GIVEN its teacher-accepted synonyms THEN at least ${percent(FLOORS.synonyms)} are accepted`, () => {
    expect(result.synonymsAccepted).toBeGreaterThanOrEqual(FLOORS.synonyms);
  });
});
