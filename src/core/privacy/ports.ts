/** A person on one platform, as the privacy commands name them. */
export interface PersonRef {
  platform: string;
  externalId: string;
}

export interface PersonalSettings {
  displayName: string | null;
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  timeZone: string;
  leaderboardHidden: boolean;
  /** The language they chose for Mnemo (null: their app's). */
  language: string | null;
  /** Their app's language as Mnemo last saw it (their reminders are written in it when they chose none). */
  seenLocale: string | null;
  /** The person's own FSRS weights (the latest adopted fit), or null for the defaults. */
  fsrsWeights: number[] | null;
  createdAt: Date;
}

/** One fit of the person's FSRS parameters (mnemo fsrs optimize), adopted or not, with its figures. */
export interface PersonalFit {
  fittedAt: Date;
  reviews: number;
  loglossBefore: number;
  loglossAfter: number;
  rmseBefore: number;
  rmseAfter: number;
  adopted: boolean;
  weightsAdopted: number[] | null;
}

export interface PersonalCardState {
  cardId: string;
  deckId: string;
  question: string;
  due: Date;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export interface PersonalReview {
  id: number;
  tenantId: string;
  cardId: string;
  question: string;
  /** What the person typed; null for a self-graded card or a button. */
  answer: string | null;
  verdict: string;
  rating: number;
  responseMs: number | null;
  reviewedAt: Date;
  dueAfter: Date;
  /** Set when a dispute ("I was right") replaced this review. */
  supersededBy: number | null;
  /** Set on the review a dispute made: the review it re-rated. */
  disputeOf: number | null;
}

export interface PersonalPrompt {
  id: string;
  tenantId: string;
  cardId: string;
  deliveryId: number | null;
  shownAt: Date;
  revealedAt: Date | null;
  answeredAt: Date | null;
  reviewId: number | null;
}

export interface PersonalReminder {
  tenantId: string;
  localTime: string;
  timeZone: string;
  active: boolean;
  nextDueAt: Date;
}

/** A channel's question of the day that the person set up: it belongs to the channel, only their name is theirs. */
export interface PersonalDailySetUp {
  tenantId: string;
  channelId: string | null;
  localTime: string;
  timeZone: string;
  deckId: string | null;
  active: boolean;
}

/** A card the person suspended or buried, or whose leech count they reset. */
export interface PersonalHold {
  cardId: string;
  suspendedAt: Date | null;
  /** 'leech' or 'manual'. */
  suspendedAs: string | null;
  buriedUntil: Date | null;
  /** How often the card became a leech for them. */
  leeches: number;
}

/** A practice answer (`/quiz practice`): kept apart from the reviews, it never moved their schedule. */
export interface PersonalPractice {
  tenantId: string;
  cardId: string;
  answer: string | null;
  verdict: string;
  rating: number;
  responseMs: number | null;
  reviewedAt: Date;
}

/** Everything stored about one person on one platform. */
export interface PersonalData {
  settings: PersonalSettings | null;
  cardStates: PersonalCardState[];
  reviews: PersonalReview[];
  prompts: PersonalPrompt[];
  reminders: PersonalReminder[];
  dailiesSetUp: PersonalDailySetUp[];
  fits: PersonalFit[];
  holds: PersonalHold[];
  practice: PersonalPractice[];
}

/** What one erasure removed, by kind: counts only, never content. */
export interface Erased {
  people: number;
  cardStates: number;
  reviews: number;
  prompts: number;
  reminders: number;
  /** The reminders' own send records. */
  deliveries: number;
  /** Fits of the person's FSRS parameters. */
  fits: number;
  /** Channel questions of the day the person set up: kept for the channel, without their name. */
  dailiesUnattributed: number;
}

export interface PrivacyStore {
  /** Everything stored about the person; empty lists and null settings for a person never seen. */
  personalData(person: PersonRef): Promise<PersonalData>;
  /** Removes everything stored about the person in ONE transaction. */
  erase(person: PersonRef): Promise<Erased>;
  /** Stores whether the person is left out of leaderboards (making the person known if need be). */
  setLeaderboardHidden(person: PersonRef, hidden: boolean): Promise<void>;
}
