import { type GradeInput, type GraderVerdict, grade } from '../../src/core/grading/grade.ts';

/** The verdict for one typed answer, with optional aliases and vocabulary. */
export function verdictOf(
  expected: string,
  answer: string,
  more: Omit<GradeInput, 'expected' | 'answer'> = {},
): GraderVerdict {
  return grade({ expected, answer, ...more }).verdict;
}
