/** FSRS ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. The grader gives one, a self-graded card's person another. */
export type Rating = 1 | 2 | 3 | 4;

export const RATING_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const satisfies Record<
  Rating,
  string
>;
