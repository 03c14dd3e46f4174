import { expect, it } from 'vitest';
import { type Measurement, percent } from './measure.ts';

/** What a labelled half must keep: the agreement it reached, and at most the false accepts it had. */
export interface Floors {
  readonly agreement: number;
  readonly falseAccepts: number;
}

/** The two floor tests of one measured half: its agreement, and its wrong answers accepted. */
export function itKeepsFloors(half: string, result: Measurement, floors: Floors): void {
  it(`GIVEN ${half} THEN the grader agrees with the teacher on at least ${percent(floors.agreement)}`, () => {
    expect(result.agreement).toBeGreaterThanOrEqual(floors.agreement);
  });

  it(`GIVEN its wrong answers THEN at most ${percent(floors.falseAccepts)} are accepted`, () => {
    expect(result.falseAcceptRate).toBeLessThanOrEqual(floors.falseAccepts);
  });
}
