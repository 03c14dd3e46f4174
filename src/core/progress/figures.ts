import { occurrence } from '../delivery/local-time.ts';
import type { LearnerStats } from '../quiz/ports.ts';
import { localDay } from '../scheduling/day.ts';
import { addDays, datesFrom, weekdayOf } from './calendar.ts';
import type { DayDue, DayReviews, ProgressLearner, ProgressStore } from './ports.ts';

export const PROGRESS_SPANS = {
  heatmapDays: 365, // the review heatmap: today and the 364 local days before it
  dueDays: 30, // the coming load: today and the 29 local days after it
  retentionWeeks: 12, // weekly retention: this calendar week (Monday first) and the 11 before it
} as const;

/** One calendar week's reviews: retention is the share recalled, null in a week with no review. */
export interface WeekRetention {
  /** The Monday that starts the week (YYYY-MM-DD). */
  week: string;
  reviews: number;
  recalled: number;
  retention: number | null;
}

/** Everything one person's progress picture shows, with its numbers. */
export interface ProgressFigures {
  person: ProgressLearner;
  /** YYYY-MM-DD, the person's today. */
  today: string;
  timeZone: string;
  /** Every local day of the heatmap, oldest first, days without reviews as 0. */
  days: DayReviews[];
  /** Every local day of the next 30, today first (with the overdue cards), days with none as 0. */
  due: DayDue[];
  /** The last 12 calendar weeks, oldest first. */
  weeks: WeekRetention[];
  /** Reviews over the heatmap's year. */
  reviewsThisYear: number;
  /** Local days of the year with at least one review. */
  activeDays: number;
  /** Cards due over the next 30 days, overdue ones included. */
  dueNext30: number;
  stats: LearnerStats;
}

/**
 * Reads and assembles one person's figures at `now`, in their own time zone; null for an unknown person.
 * `known`: the text figures when the caller already read them (/stats has), so they are not read twice.
 * `tenantId`: the community asking, whose visible cards only count (as the text figures it was given).
 */
export async function progressFigures(
  store: ProgressStore,
  person: { platform: string; externalId: string },
  now: Date,
  known?: LearnerStats,
  tenantId?: string,
): Promise<ProgressFigures | null> {
  const learner = await store.findLearner(person.platform, person.externalId);
  if (!learner) return null;
  const zone = learner.timeZone;
  const today = localDay(now, zone);
  const firstDay = addDays(today.date, 1 - PROGRESS_SPANS.heatmapDays);
  const dueEnd = occurrence(addDays(today.date, PROGRESS_SPANS.dueDays), '00:00', zone);
  const [reviewed, due, stats] = await Promise.all([
    store.reviewsByDay(learner.userId, zone, occurrence(firstDay, '00:00', zone), today.end, tenantId),
    store.dueByDay(learner.userId, zone, today.start, dueEnd, tenantId),
    known ?? store.stats(learner.userId, now, zone, tenantId),
  ]);
  return assembleFigures(learner, today.date, reviewed, due, stats);
}

/** The figures from what the store read: every day filled in, weeks summed. Pure, for tests and benches. */
export function assembleFigures(
  person: ProgressLearner,
  today: string,
  reviewed: readonly DayReviews[],
  due: readonly DayDue[],
  stats: LearnerStats,
): ProgressFigures {
  const byDate = new Map(reviewed.map((day) => [day.date, day]));
  const days = datesFrom(addDays(today, 1 - PROGRESS_SPANS.heatmapDays), today).map(
    (date) => byDate.get(date) ?? { date, reviews: 0, recalled: 0 },
  );
  const dueByDate = new Map(due.map((day) => [day.date, day.due]));
  const dueDays = datesFrom(today, addDays(today, PROGRESS_SPANS.dueDays - 1)).map((date) => ({
    date,
    due: dueByDate.get(date) ?? 0,
  }));
  return {
    person,
    today,
    timeZone: person.timeZone,
    days,
    due: dueDays,
    weeks: weeksOf(byDate, today),
    reviewsThisYear: days.reduce((sum, day) => sum + day.reviews, 0),
    activeDays: days.filter((day) => day.reviews > 0).length,
    dueNext30: dueDays.reduce((sum, day) => sum + day.due, 0),
    stats,
  };
}

function weeksOf(byDate: ReadonlyMap<string, DayReviews>, today: string): WeekRetention[] {
  const thisMonday = addDays(today, -weekdayOf(today));
  const weeks: WeekRetention[] = [];
  for (let back = PROGRESS_SPANS.retentionWeeks - 1; back >= 0; back--) {
    const week = addDays(thisMonday, -7 * back);
    let reviews = 0;
    let recalled = 0;
    for (let offset = 0; offset < 7; offset++) {
      const day = byDate.get(addDays(week, offset));
      reviews += day?.reviews ?? 0;
      recalled += day?.recalled ?? 0;
    }
    weeks.push({ week, reviews, recalled, retention: reviews === 0 ? null : recalled / reviews });
  }
  return weeks;
}
