import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/core/rating.ts';
import { newMemory } from '../../src/core/scheduling/memory.ts';
import { rollback, schedule } from '../../src/core/scheduling/scheduler.ts';

describe('schedule', () => {
  it('GIVEN the published FSRS-6 ratings Good×6, Again×2, Good×5 THEN the intervals match the reference', () => {
    const ratings: Rating[] = [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3];
    let now = new Date(Date.UTC(2022, 10, 29, 12, 30));
    let state = newMemory(now);
    const intervals: number[] = [];
    for (const rating of ratings) {
      state = schedule(state, now, rating, 0.9).after;
      intervals.push(state.scheduledDays);
      now = state.due;
    }
    expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it('GIVEN a higher desired retention THEN the next interval is shorter', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const learned = schedule(
      schedule(newMemory(now), now, 3, 0.9).after,
      new Date('2026-01-03T00:00:00Z'),
      3,
      0.9,
    ).after;
    const later = new Date('2026-01-20T00:00:00Z');
    expect(schedule(learned, later, 3, 0.97).after.scheduledDays).toBeLessThan(
      schedule(learned, later, 3, 0.8).after.scheduledDays,
    );
  });
});

describe('rollback', () => {
  it('GIVEN a review THEN rolling it back restores the state it started from', () => {
    let now = new Date('2026-03-01T08:00:00Z');
    let state = newMemory(now);
    for (const rating of [3, 3, 2, 1, 3] as Rating[]) {
      const record = schedule(state, now, rating, 0.9);
      expect(rollback(record, 0.9)).toEqual(state);
      state = record.after;
      now = new Date(state.due.getTime() + 3_600_000);
    }
  });
});
