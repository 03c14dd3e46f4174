/** How an answer was judged: by the grader for typed and choice cards, by the person for self-graded ones. */
export type Verdict = 'correct' | 'close' | 'wrong' | 'self';

/** What the grader can say of an answer: every verdict but the person's own. */
export type GraderVerdict = Exclude<Verdict, 'self'>;
