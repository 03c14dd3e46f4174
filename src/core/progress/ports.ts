import type { LearnerStats } from '../quiz/ports.ts';

/** Reviews one person gave on one local day (disputed-then-replaced reviews count once, as replaced). */
export interface DayReviews {
  /** YYYY-MM-DD in the person's time zone. */
  date: string;
  reviews: number;
  /** Of those, the ones not rated Again: the project's "recalled", as in /stats and the leaderboard. */
  recalled: number;
}

/** Cards that fall due on one local day; the first day also holds every card already overdue. */
export interface DayDue {
  date: string;
  due: number;
}

/** A person as the progress picture knows them. */
export interface ProgressLearner {
  userId: number;
  platform: string;
  externalId: string;
  displayName: string | null;
  timeZone: string;
}

/** What the progress figures are read from: one person's review log and card states. */
export interface ProgressStore {
  /** The person, or null when they never used Mnemo: reading figures creates no one. */
  findLearner(platform: string, externalId: string): Promise<ProgressLearner | null>;
  /** Reviews per local day in `timeZone`, from `from` (included) to `to` (excluded); days with none are left out. */
  reviewsByDay(
    userId: number,
    timeZone: string,
    from: Date,
    to: Date,
    tenantId?: string,
  ): Promise<DayReviews[]>;
  /**
   * Live cards due before `to`, per local day in `timeZone`; a card due before `from` is counted on
   * `from`'s local day. Days with none are left out.
   */
  dueByDay(userId: number, timeZone: string, from: Date, to: Date, tenantId?: string): Promise<DayDue[]>;
  /**
   * The text figures /stats shows. Each method's `tenantId`: only the cards that community sees count (not
   * its hidden decks, nor another community's); absent: every card of the person.
   */
  stats(userId: number, now: Date, timeZone: string, tenantId?: string): Promise<LearnerStats>;
}
