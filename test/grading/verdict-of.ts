import { type GradeInput, grade, type Verdict } from '../../src/core/grading/grade.ts';

/** The verdict for one typed answer, with optional aliases and vocabulary. */
export function verdictOf(
  expected: string,
  answer: string,
  more: Omit<GradeInput, 'expected' | 'answer'> = {},
): Verdict {
  return grade({ expected, answer, ...more }).verdict;
}
