import type { Clock } from '../src/core/clock.ts';

/** The wall clock, for paths whose timing is what is measured. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock the benchmark sets by hand, so planned runs are due exactly when it says. */
export class BenchClock implements Clock {
  #now: Date;

  constructor(start: Date) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(to: Date): void {
    this.#now = new Date(to);
  }
}
