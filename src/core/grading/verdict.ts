import type { GraderVerdict } from '../verdict.ts';

const STRENGTH: Readonly<Record<GraderVerdict, number>> = { wrong: 0, close: 1, correct: 2 };

export function better(a: GraderVerdict, b: GraderVerdict): GraderVerdict {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** A whole is only as right as its weakest part: one typo anywhere makes the answer close. */
export function weaker(a: GraderVerdict, b: GraderVerdict): GraderVerdict {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}
