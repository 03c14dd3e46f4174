import { DateTime } from 'luxon';
import type { Rating } from '../rating.ts';

/** One row of a person's review log, as the optimizer reads it. */
export interface LoggedReview {
  id: number;
  cardId: string;
  reviewedAt: Date;
  rating: Rating;
  /** The FSRS state before the review: 0 (New) on a card's first review. */
  stateBefore: number;
}

/** One review with the days since the card's previous counted review (0 on its first). */
export interface DayReview {
  rating: Rating;
  deltaT: number;
}

/** A card's counted reviews up to one of them, which the model predicts from those before it. */
export interface TrainingItem {
  reviews: readonly DayReview[];
  /** When the predicted (last) review was given: items are split by it into training and held-out sets. */
  at: Date;
}

export interface TrainingHistory {
  items: TrainingItem[];
  /** Reviews counted: the first of each local day per card, of cards whose history starts at their first review. */
  reviews: number;
  /** The newest review id read, counted or not: the next fit counts new reviews from it. */
  lastReviewId: number;
}

/**
 * The training items FSRS is fitted on, as the FSRS reference builds them from Anki's log: per card, only the
 * first review of each day (the person's local day) counts, and the days between are whole local days.
 * The log given must hold only reviews that stand: a review disputed with "I was right" is left out and
 * the Good that replaced it (same time) counts, as Anki keeps only an undone-and-redone answer. A card whose
 * log does not start at its first review (state New) is left out, as the reference drops incomplete histories.
 */
export function trainingHistory(log: readonly LoggedReview[], timeZone: string): TrainingHistory {
  const byCard = new Map<string, LoggedReview[]>();
  let lastReviewId = 0;
  for (const review of log) {
    lastReviewId = Math.max(lastReviewId, review.id);
    const reviews = byCard.get(review.cardId);
    if (reviews) reviews.push(review);
    else byCard.set(review.cardId, [review]);
  }
  const dayOf = localDayNumber(timeZone);
  const items: TrainingItem[] = [];
  let counted = 0;
  for (const reviews of byCard.values()) {
    reviews.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || a.id - b.id);
    if (reviews[0]?.stateBefore !== 0) continue;
    const kept: DayReview[] = [];
    let previousDay: number | null = null;
    for (const review of reviews) {
      const day = dayOf(review.reviewedAt);
      if (day === previousDay) continue;
      kept.push({ rating: review.rating, deltaT: previousDay === null ? 0 : day - previousDay });
      previousDay = day;
      if (kept.length > 1) items.push({ reviews: kept.slice(), at: review.reviewedAt });
    }
    counted += kept.length;
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { items, reviews: counted, lastReviewId };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the local date in `timeZone`; the offset is worked out once per quarter hour of UTC
 * (every zone offset and change falls on one). */
function localDayNumber(timeZone: string): (at: Date) => number {
  const offsets = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / 900_000);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = DateTime.fromJSDate(at, { zone: timeZone }).offset * 60_000;
      offsets.set(quarter, offset);
    }
    return Math.floor((at.getTime() + offset) / DAY_MS);
  };
}
