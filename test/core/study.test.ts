import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/deck/card.ts';
import { isLeech, type PracticeCandidate, pickPractice } from '../../src/core/quiz/study.ts';
import { type MemoryState, newMemory } from '../../src/core/scheduling/memory.ts';

const NOW = new Date('2026-05-04T12:00:00Z');
const DAY = 86_400_000;

/** A card last reviewed `daysAgo` with `stability` days of memory. */
function candidate(
  id: string,
  stability: number,
  daysAgo: number,
  failedRecently = false,
): PracticeCandidate {
  const lastReview = new Date(NOW.getTime() - daysAgo * DAY);
  const state: MemoryState = {
    ...newMemory(lastReview),
    state: 2,
    reps: 3,
    stability,
    difficulty: 5,
    lastReview,
    due: new Date(lastReview.getTime() + stability * DAY),
  };
  return { card: { id } as Card, state, failedRecently };
}

describe('leeches', () => {
  it('GIVEN the threshold THEN the lapse that reaches it since the last reset makes a leech; 0 never does', () => {
    expect(isLeech(7, 0, 8)).toBe(false);
    expect(isLeech(8, 0, 8)).toBe(true);
    expect(isLeech(9, 8, 8)).toBe(false);
    expect(isLeech(16, 8, 8)).toBe(true);
    expect(isLeech(50, 0, 0)).toBe(false);
  });
});

describe('practice', () => {
  it('GIVEN cards at different recall THEN the one closest to being forgotten is picked', () => {
    const fresh = candidate('fresh', 30, 1);
    const fading = candidate('fading', 2, 10);
    const middling = candidate('middling', 10, 5);
    expect(pickPractice([fresh, fading, middling], NOW, 0.9, null)?.card.id).toBe('fading');
  });

  it('GIVEN a card failed in the last days THEN it comes first, however well it is recalled now', () => {
    const failed = candidate('failed', 30, 0.1, true);
    const fading = candidate('fading', 2, 10);
    expect(pickPractice([fading, failed], NOW, 0.9, null)?.card.id).toBe('failed');
  });

  it('GIVEN no candidate THEN nothing', () => {
    expect(pickPractice([], NOW, 0.9, null)).toBeNull();
  });
});
