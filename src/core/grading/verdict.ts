export type Verdict = 'correct' | 'close' | 'wrong';

const STRENGTH: Readonly<Record<Verdict, number>> = { wrong: 0, close: 1, correct: 2 };

export function better(a: Verdict, b: Verdict): Verdict {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/** A whole is only as right as its weakest part: one typo anywhere makes the answer close. */
export function weaker(a: Verdict, b: Verdict): Verdict {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}
