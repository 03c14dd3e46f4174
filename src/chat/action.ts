import type { LeaderboardPeriod } from '../core/community/ports.ts';
import type { Locale } from '../core/language.ts';
import type { Rating } from '../core/rating.ts';
import type { SchedulingSettings } from '../core/scheduling/settings.ts';

/** A channel's question of the day, as its buttons name it. */
export interface DailyRef {
  deliveryId: number;
  cardId: string;
}

/** A card shown to a person, and the deck "Next card" goes on with (null: every deck). */
export interface PromptRef {
  promptId: string;
  deckId: string | null;
}

/**
 * Everything a button, a modal, a select or a slash command of the quiz asks, whatever the platform. Each
 * adapter decodes its own id format into one of these, and encodes the actions of a reply's buttons back.
 */
export type Action =
  /**
   * `/quiz [deck] [tag]`: the next card, in a new message; `skipped`: cards passed over in this session;
   * `tag`: only cards with it.
   */
  | { kind: 'quiz'; deckId: string | null; tag?: string | null; skipped?: readonly string[] }
  /** `/quiz practice:True [deck] [tag]` and "Practise more": a practice card, its schedule left alone. */
  | { kind: 'practice'; deckId: string | null; tag: string | null }
  /** "Suspend" after an answer: the card is put aside until the person unsuspends it. */
  | ({ kind: 'suspend' } & PromptRef)
  /** "Bury" after an answer: the card is put aside until the person's next local day. */
  | ({ kind: 'bury' } & PromptRef)
  /** A leech's "Keep studying": unsuspended, its leech count reset. */
  | ({ kind: 'keepStudying' } & PromptRef)
  /** A leech's "Show note": the card's whole answer and note. */
  | { kind: 'showNote'; promptId: string }
  /** "Unsuspend" in the settings' list of suspended cards. */
  | { kind: 'unsuspend'; cardId: string }
  /** "Next card": the next card, in place of the message the button was on. */
  | { kind: 'next'; deckId: string | null }
  /** A reminder's "Start review": the next card of every deck, in a new message. */
  | { kind: 'startReview' }
  /** "Answer" on a typed card: the form the answer is typed in. */
  | ({ kind: 'openAnswer' } & PromptRef)
  | ({ kind: 'typedAnswer'; text: string } & PromptRef)
  /** "I don't know" on a typed card: the answer shown, the card counted as forgotten. */
  | ({ kind: 'dontKnow' } & PromptRef)
  | ({ kind: 'choose'; option: number } & PromptRef)
  /** "Show answer" on a self-graded card: the answer and the four ratings. */
  | ({ kind: 'reveal' } & PromptRef)
  | ({ kind: 'rate'; rating: Rating } & PromptRef)
  /** "I was right": the review re-rated Good. */
  | { kind: 'dispute'; reviewId: number; deckId: string | null }
  /** The whole answer of a card whose message had to be cut. */
  | { kind: 'showMore'; promptId: string }
  | { kind: 'dailyChoose'; daily: DailyRef; option: number }
  | { kind: 'dailyOpenAnswer'; daily: DailyRef }
  | { kind: 'dailyTypedAnswer'; daily: DailyRef; text: string }
  | { kind: 'dailyReveal'; daily: DailyRef }
  | { kind: 'dailyRate'; deliveryId: number; promptId: string; rating: Rating }
  /** `/privacy delete`'s confirmation: the person's data erased. Run by the privacy flow (src/chat/privacy.ts). */
  | { kind: 'erase' }
  /** A deck import's preview buttons (`importId`: the pending file). Run by the deck-file flow (src/chat/deck-files.ts). */
  | { kind: 'confirmImport'; importId: string }
  | { kind: 'cancelImport'; importId: string };

export type ActionKind = Action['kind'];

/** What a community command asks: it reads, and its reply carries no button. */
export type CommandAction =
  | { kind: 'stats' }
  | { kind: 'decks' }
  | { kind: 'deckInfo'; deckId: string }
  /** The cards that became leeches for the most members: for the community's admins. */
  | { kind: 'leeches' }
  | { kind: 'leaderboard'; period: LeaderboardPeriod }
  /** A channel's question of the day, every day at a local time; for the community's admins only. */
  | {
      kind: 'setDaily';
      channelId: string;
      localTime: string;
      timeZone: string;
      deckId: string | null;
      /** The language of its questions (`/daily set language:`); absent: the community's. */
      language?: Locale;
    }
  | { kind: 'stopDaily'; channelId: string }
  | { kind: 'listDailies' }
  /**
   * The person's settings, changed by what is given: scheduling settings are the person's (they follow them
   * across places); the DM reminder belongs to this place. Nothing given: they are shown.
   */
  | {
      kind: 'settings';
      patch: Partial<SchedulingSettings>;
      reminder: { enabled?: boolean; localTime?: string } | null;
      /** The language Mnemo writes to the person in; null: their app's (`auto`); absent: unchanged. */
      language?: Locale | null;
      /** Then recompute every card's due date from the person's review log with these settings. */
      reschedule?: boolean;
    };

/** `/settings reschedule` alone: the settings as they are, and every due date recomputed from the reviews. */
export const RESCHEDULE: CommandAction = { kind: 'settings', patch: {}, reminder: null, reschedule: true };
