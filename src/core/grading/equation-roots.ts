/**
 * Two equations in several variables are one when they hold at the same points: "PV/T = nR" is "PV = nRT",
 * though the difference of its sides is the other's divided by T. For each sample of the other variables,
 * one variable is solved for numerically in each equation (secant steps) and the root checked in the other.
 */

/** The difference of an equation's sides at the given values. */
export type Residual = (values: ReadonlyMap<string, number>) => number;

const STEPS = 60;
// Two starting guesses for the secant steps.
const FIRST_GUESS = 1.3;
const SECOND_GUESS = 2.2;
const TOLERANCE = 1e-10;
const LARGEST_ROOT = 1e6;

function root(residual: Residual, name: string, values: Map<string, number>): number | undefined {
  const at = (x: number) => {
    values.set(name, x);
    return residual(values);
  };
  let x0 = FIRST_GUESS;
  let x1 = SECOND_GUESS;
  let f0 = at(x0);
  let f1 = at(x1);
  // Small next to the sides' difference at the guesses, and at a root of ordinary size: a residual that only
  // fades far away ("PV/T - nR" as T grows) has no root there.
  const size = Math.max(1, Math.abs(f0), Math.abs(f1));
  for (let step = 0; step < STEPS; step++) {
    if (!Number.isFinite(f1) || Math.abs(x1) > LARGEST_ROOT) return undefined;
    if (Math.abs(f1) <= TOLERANCE * size) return x1;
    if (f1 === f0) return undefined;
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0);
    x0 = x1;
    f0 = f1;
    x1 = x2;
    f1 = at(x1);
  }
  return undefined;
}

function vanishes(residual: Residual, values: ReadonlyMap<string, number>, scale: number): boolean {
  const value = residual(values);
  return Number.isFinite(value) && Math.abs(value) <= 1e-7 * Math.max(1, scale);
}

/**
 * True when every root of `a` found is a root of `b` and the other way round, at each sample point;
 * undefined when no root could be found, so the caller judges otherwise.
 */
export function sameRoots(
  a: Residual,
  b: Residual,
  names: readonly string[],
  samples: (point: number) => Map<string, number>,
  points: number,
): boolean | undefined {
  let found = false;
  for (const name of names) {
    for (let point = 0; point < points; point++) {
      for (const [one, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const values = samples(point);
        const x = root(one, name, values);
        if (x === undefined) continue;
        found = true;
        values.set(name, x);
        const scale = Math.max(...[...values.values()].map(Math.abs));
        if (!vanishes(other, values, scale)) return false;
      }
    }
  }
  return found ? true : undefined;
}
