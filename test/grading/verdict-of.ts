import { expect, it } from 'vitest';
import { type GradeInput, type GraderVerdict, grade } from '../../src/core/grading/grade.ts';

/** The verdict for one typed answer, with optional aliases and vocabulary. */
export function verdictOf(
  expected: string,
  answer: string,
  more: Omit<GradeInput, 'expected' | 'answer'> = {},
): GraderVerdict {
  return grade({ expected, answer, ...more }).verdict;
}

/** One row of a rule table: the rule, the card's answer, its deck's language, what was typed, the teacher's verdict. */
export type VerdictRow = readonly [
  rule: string,
  expected: string,
  lang: string,
  answer: string,
  verdict: string,
];

/** One test per row of a rule table: the typed answer, graded in the row's language, gets the row's verdict. */
export function itGradesEachRow(rows: readonly VerdictRow[]): void {
  it.each(rows)('GIVEN %s (%s, %s: %s) THEN it is %s', (_rule, expected, lang, answer, verdict) => {
    expect(verdictOf(expected, answer, { lang })).toBe(verdict);
  });
}
