import { describe, expect, it } from 'vitest';
import { DEFAULTS, grade } from '../../src/core/grading/grade.ts';

const EXPECTED = 'container';
const EASY_LIMIT = DEFAULTS.baseMs + DEFAULTS.msPerCharacter * EXPECTED.length; // 3,350 ms

describe('verdict to FSRS rating', () => {
  it('GIVEN a wrong answer THEN Again (1)', () => {
    expect(grade({ expected: EXPECTED, answer: 'image', ms: 1_000 }).rating).toBe(1);
  });

  it('GIVEN a typo THEN Hard (2), even when fast', () => {
    expect(grade({ expected: EXPECTED, answer: 'contianer', ms: 1_000 }).rating).toBe(2);
  });

  it('GIVEN a correct answer without a time THEN Good (3)', () => {
    expect(grade({ expected: EXPECTED, answer: EXPECTED }).rating).toBe(3);
  });

  it('GIVEN a correct answer within the easy limit THEN Easy (4)', () => {
    expect(grade({ expected: EXPECTED, answer: EXPECTED, ms: EASY_LIMIT }).rating).toBe(4);
  });

  it('GIVEN a correct answer just over the easy limit THEN Good (3)', () => {
    expect(grade({ expected: EXPECTED, answer: EXPECTED, ms: EASY_LIMIT + 1 }).rating).toBe(3);
  });

  it('GIVEN a longer card answer THEN the easy limit grows with its length', () => {
    const expected = 'horizontal pod autoscaler';
    const ms = DEFAULTS.baseMs + DEFAULTS.msPerCharacter * expected.length;
    expect(grade({ expected, answer: 'HPA', accept: ['HPA'], ms }).rating).toBe(4);
    expect(grade({ expected: 'TCP', answer: 'TCP', ms }).rating).toBe(3);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('GIVEN a nonsense time %s THEN Good (3)', (ms) => {
    expect(grade({ expected: EXPECTED, answer: EXPECTED, ms }).rating).toBe(3);
  });

  it('GIVEN the documented rule THEN its constants are 2,000 ms plus 150 ms per character', () => {
    expect(DEFAULTS).toEqual({ baseMs: 2_000, msPerCharacter: 150 });
  });
});
