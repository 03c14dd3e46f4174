import { describe, expect, it } from 'vitest';
import { type LoggedReview, trainingHistory } from '../../src/core/memory-model/history.ts';
import type { Rating } from '../../src/core/rating.ts';

let id = 0;
const review = (cardId: string, at: string, rating: Rating, stateBefore = 2): LoggedReview => ({
  id: ++id,
  cardId,
  reviewedAt: new Date(at),
  rating,
  stateBefore,
});

describe('training history', () => {
  it('GIVEN several reviews of a card on one local day THEN only the first counts, and days are whole local days', () => {
    const history = trainingHistory(
      [
        review('a', '2026-03-01T09:00:00Z', 1, 0),
        review('a', '2026-03-01T09:10:00Z', 3, 1), // a learning step: same day
        review('a', '2026-03-02T09:00:00Z', 3),
        review('a', '2026-03-05T20:00:00Z', 4),
      ],
      'UTC',
    );
    expect(history.reviews).toBe(3);
    expect(history.items.map((item) => item.reviews)).toEqual([
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
      ],
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
        { rating: 4, deltaT: 3 },
      ],
    ]);
  });

  it("GIVEN a person's time zone THEN the day boundary is their local midnight", () => {
    // 23:30 and 00:30 UTC are one day apart in UTC, the same evening in New York.
    const log = [review('a', '2026-03-01T23:30:00Z', 3, 0), review('a', '2026-03-02T00:30:00Z', 3)];
    expect(trainingHistory(log, 'UTC').items).toHaveLength(1);
    expect(trainingHistory(log, 'America/New_York').items).toHaveLength(0);
    expect(trainingHistory(log, 'America/New_York').reviews).toBe(1);
  });

  it('GIVEN a card whose log does not start at its first review THEN it is left out, and items come oldest first', () => {
    const history = trainingHistory(
      [
        review('late', '2026-03-01T09:00:00Z', 3, 2),
        review('late', '2026-03-04T09:00:00Z', 3),
        review('b', '2026-03-03T09:00:00Z', 3, 0),
        review('b', '2026-03-06T09:00:00Z', 1),
        review('c', '2026-03-01T09:00:00Z', 3, 0),
        review('c', '2026-03-05T09:00:00Z', 3),
      ],
      'UTC',
    );
    expect(history.reviews).toBe(4);
    expect(history.items.map((item) => item.at.toISOString())).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-06T09:00:00.000Z',
    ]);
    expect(history.lastReviewId).toBe(id);
  });
});
