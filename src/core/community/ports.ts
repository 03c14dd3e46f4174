import type { Locale } from '../language.ts';
export interface DeckSummary {
  id: string;
  title: string;
  description: string | null;
  cards: number;
  tags: string[];
}

export type LeaderboardPeriod = 'week' | 'month' | 'all';

export interface LeaderboardRow {
  userId: number;
  platform: string;
  externalId: string;
  displayName: string | null;
  reviews: number;
  /** Share of reviews not rated Again. */
  accuracy: number;
  streak: number;
}

export interface ChannelDaily {
  id: number;
  tenantId: string;
  channelId: string;
  localTime: string;
  timeZone: string;
  deckId: string | null;
  createdBy: string | null;
  /** The language its questions are written in, chosen at /daily set; null: the community's. */
  language: Locale | null;
}

export interface Reminder {
  enabled: boolean;
  localTime: string;
  timeZone: string;
}

/** When a subscription is next due: the planner picks it up from there. */
export interface NextRun {
  nextDueAt: Date;
  nextLocalDate: string;
}

export interface CommunityStore {
  /**
   * The decks a community sees: everyone's (less those it hid) and its own. `tenantId` null (a DM): everyone's
   * decks only.
   */
  listDecks(tenantId: string | null): Promise<DeckSummary[]>;
  /** Hides (or shows again) an everyone's deck in one community; false when there is no such deck. */
  setDeckHidden(tenantId: string, deckId: string, hidden: boolean): Promise<boolean>;
  /**
   * Per person in one tenant who has not asked to be left out: reviews given there since `since`, accuracy,
   * and days-in-a-row streak.
   */
  leaderboard(tenantId: string, since: Date | null, now: Date, limit: number): Promise<LeaderboardRow[]>;
  upsertChannelDaily(daily: Omit<ChannelDaily, 'id'>, next: NextRun): Promise<ChannelDaily>;
  /**
   * Keeps the community's app language tag (its questions of the day are written in it); writes only on
   * change. Returns whether the community is stored.
   */
  noteCommunityLocale(tenantId: string, tag: string): Promise<boolean>;
  /** Returns false when the channel had no active daily question. */
  stopChannelDaily(tenantId: string, channelId: string): Promise<boolean>;
  listChannelDailies(tenantId: string): Promise<ChannelDaily[]>;
  setReminder(tenantId: string, userId: number, reminder: Reminder, next: NextRun): Promise<void>;
  getReminder(tenantId: string, userId: number): Promise<Reminder | null>;
}
