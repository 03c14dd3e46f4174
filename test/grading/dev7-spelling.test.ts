import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev7-spelling/check-half.ts';
import { DEV_HALF } from './dev7-spelling/dev-half.ts';
import { itKeepsFloors } from './domains/floors.ts';
import { measure, mislabelled, report } from './domains/measure.ts';

// Issue #16, task g7: accents, typos, symbols, abbreviations and flags as a teacher marks them, in nine languages,
// split at random into a development half and a check half. The check half is committed first and measured once,
// at the end.

const FLOORS = { agreement: 0, falseAccepts: 1 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describe('the check half of the spelling set', () => {
  it('GIVEN the check half THEN it spans at least 15 domains, 6 languages and 300 answers', () => {
    expect(new Set(CHECK_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(CHECK_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(6);
    expect(CHECK_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(300);
  });

  it('GIVEN each answer THEN its label is valid and the expected answer itself is labelled correct', () => {
    expect(mislabelled(CHECK_HALF)).toEqual([]);
  });
});

describe('grading accuracy on the development half of the spelling set', () => {
  const result = measure(DEV_HALF);
  console.log(report('spelling dev half', result));

  it('GIVEN the development half THEN it spans at least 15 domains, 6 languages and 300 answers', () => {
    expect(new Set(DEV_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(DEV_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(6);
    expect(DEV_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(300);
    expect(mislabelled(DEV_HALF)).toEqual([]);
  });

  itKeepsFloors('the development half', result, FLOORS);
});
