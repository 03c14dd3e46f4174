import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { DEV_HALF } from './domains/dev-half.ts';
import { measure, summary } from './domains/measure.ts';
import { TEST_HALF } from './domains/test-half.ts';

// Issue #16's targets on any domain are 95% agreement, 3% false accepts and 70% of teacher-accepted synonyms.
// They are not met yet (dev half at the end of the first pass: 89.3%, 3.4%, 41.4%; round two: 92.3%, 2.3%,
// 44.8%; round three: 93.7%, 1.5%, 44.8%): these floors keep what was reached, so a change that loses ground
// fails; raise them as the grader improves, up to the targets.
const LEAST_AGREEMENT = 0.93;
const MOST_FALSE_ACCEPTS = 0.02;
const LEAST_SYNONYMS_ACCEPTED = 0.44;
// MNEMO_GRADING_MISSES=1 prints every miss of the development half (never of the held-out half).
const SHOW_MISSES = process.env.MNEMO_GRADING_MISSES === '1';

await loadLanguages(['en', 'es', 'fr', 'de']);

describe('grading accuracy on the development half of the many-domain labelled set', () => {
  const result = measure(DEV_HALF, [...DEV_HALF, ...TEST_HALF]);
  console.log(
    [
      summary(result),
      ...(SHOW_MISSES ? [] : ['(MNEMO_GRADING_MISSES=1 lists the misses)']),
      ...(SHOW_MISSES ? ['label   → verdict:'] : []),
      ...(SHOW_MISSES ? result.misses : []).map(
        (miss) =>
          `  ${miss.label.padEnd(7)} → ${miss.verdict.padEnd(7)} [${miss.kind}] "${miss.answer}" for "${miss.card.expected}" (${miss.card.lang})`,
      ),
    ].join('\n'),
  );

  it('GIVEN the set THEN it spans at least 25 domains and the four languages', () => {
    const all = [...DEV_HALF, ...TEST_HALF];
    expect(new Set(all.map((card) => card.domain)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((card) => card.lang))).toEqual(new Set(['en', 'es', 'fr', 'de']));
    expect(all.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(1_200);
  });

  it(`GIVEN the development half THEN the grader agrees with the teacher on at least ${LEAST_AGREEMENT * 100}%`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(LEAST_AGREEMENT);
  });

  it(`GIVEN its wrong answers THEN at most ${MOST_FALSE_ACCEPTS * 100}% are accepted`, () => {
    expect(result.falseAcceptRate).toBeLessThanOrEqual(MOST_FALSE_ACCEPTS);
  });

  it(`GIVEN its teacher-accepted synonyms THEN at least ${LEAST_SYNONYMS_ACCEPTED * 100}% are accepted`, () => {
    expect(result.synonymsAccepted).toBeGreaterThanOrEqual(LEAST_SYNONYMS_ACCEPTED);
  });
});

// Measured once, at the end of issue #16 (held out until then): 87.5% agreement, 3.9% false accepts,
// 20.8% of synonyms accepted. The targets are not met on it yet; these floors keep what was reached.
const TEST_HALF_FLOOR = { agreement: 0.87, falseAccepts: 0.04 } as const;

describe('grading accuracy on the held-out test half of the many-domain labelled set', () => {
  const result = measure(TEST_HALF, [...DEV_HALF, ...TEST_HALF]);
  console.log(summary(result));

  it(`GIVEN the test half THEN agreement stays at least ${TEST_HALF_FLOOR.agreement * 100}% and false accepts at most ${TEST_HALF_FLOOR.falseAccepts * 100}%`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(TEST_HALF_FLOOR.agreement);
    expect(result.falseAcceptRate).toBeLessThanOrEqual(TEST_HALF_FLOOR.falseAccepts);
  });
});
