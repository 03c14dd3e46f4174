import type { Card } from '../core/deck/card.ts';
import type { Locale } from '../core/language.ts';
import type { AnswerSuccess } from '../core/quiz/quiz.ts';
import type { Action } from './action.ts';
import { type MessageKey, translate, type Values } from './i18n/catalog.ts';
import type { Message } from './messages.ts';

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

/** A button's words: a catalog text (in the reader's language), or card text shown as it is (an option). */
export type Label = { key: MessageKey; values?: Values } | { text: string };

/** A button and the action it asks for; each adapter encodes the action in its own id format. */
export interface ChatButton {
  label: Label;
  action: Action;
  style: ButtonStyle;
  disabled?: boolean;
}

/** A file sent with a reply (the /stats and /leaderboard pictures). */
export interface Attachment {
  /** The file name the platform shows, e.g. `progress.png`. */
  name: string;
  bytes: Uint8Array;
  /** The media type, e.g. `image/png`. */
  mime: string;
  /** Alt text: what the file shows, for people who cannot see it. */
  description: string;
}

/** What a reply shows: a card, a card's answer, a verdict, or a sentence from the message table. */
export type Body =
  /** A card to answer. */
  | { kind: 'question'; card: Card; isNew: boolean }
  /** A self-graded card with its answer shown, asking for a rating. */
  | { kind: 'reveal'; card: Card; promptId: string; daily: boolean }
  /** After an answer: the verdict, what was given, the right answer, when the card comes back. */
  | { kind: 'verdict'; result: AnswerSuccess; promptId: string }
  /** The whole question and answer of a card, however long. */
  | { kind: 'fullAnswer'; card: Card }
  /** The form a typed answer is given in; its submission is `submit`. */
  | { kind: 'answerForm'; card: Card; promptId: string; submit: Action }
  | { kind: 'message'; message: Message };

/** A platform-neutral reply: every adapter renders the same facts and offers the same actions. */
export interface Reply {
  body: Body;
  /** In the order shown; an adapter lays them out in rows as its platform allows. */
  buttons: ChatButton[];
  /** Seen by the person who acted only, or by the whole channel. */
  visibility: 'ephemeral' | 'public';
  /** Replaces the message the action came from, instead of adding one. */
  replace: boolean;
  attachments: Attachment[];
  /** The language to write this reply in, when the flow chose it (a language just set); else the reader's. */
  locale?: Locale;
  /**
   * Set when an answer counted for a channel's question of the day: its post shows this many answers now,
   * in the post's own language (the channel's, not the reader's).
   */
  dailyCount?: { deliveryId: number; card: Card; answered: number; locale: Locale };
}

/** A reply only the person sees, as a new message. */
export function whisper(body: Body, buttons: ChatButton[] = []): Reply {
  return { body, buttons, visibility: 'ephemeral', replace: false, attachments: [] };
}

/** A reply in place of the message the action came from. */
export function replacing(body: Body, buttons: ChatButton[] = []): Reply {
  return { body, buttons, visibility: 'ephemeral', replace: true, attachments: [] };
}

/** A button's words in a language. */
export function labelOf(label: Label, locale: Locale): string {
  return 'text' in label ? label.text : translate(locale, label.key, label.values);
}
