import { describe, expect, it } from 'vitest';
import { CHECK_HALF } from './dev3-forms/check-half.ts';

// Issue #16, task g16b: a labelled set on the forms a teacher accepts for numbers, dates, units, formulas and
// names, split at random into a development half and a check half. The check half is committed first and
// measured once, at the end; until then only its shape is checked here, so nobody tunes the grader against it.
const LABELS = new Set(['correct', 'close', 'wrong']);

describe('the check half of the forms set', () => {
  it('GIVEN the check half THEN it spans at least 12 domains, the four languages and 250 answers', () => {
    expect(new Set(CHECK_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(CHECK_HALF.map((card) => card.lang))).toEqual(new Set(['en', 'es', 'fr', 'de']));
    expect(CHECK_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(250);
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
