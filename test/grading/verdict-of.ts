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
