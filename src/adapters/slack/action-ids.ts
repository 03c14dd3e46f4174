import { z } from 'zod';
import { type StudyAction, type StudyCode, studyActionOf, studyCodeOf } from '../../chat/study-code.ts';
import type { Rating } from '../../core/rating.ts';

/**
 * Button action ids and values. Everything a click needs travels in the button itself (prompt id, review id,
 * deck), so every handler is stateless. Values are JSON checked with zod when they come back.
 */
export const ACTION = {
  /** Typed card: opens the answer modal. */
  answer: 'mn:answer',
  /** Typed card: "I don't know", graded as forgotten. */
  giveUp: 'mn:give-up',
  /** Multiple choice: `mn:choice:<0-based option>`. */
  choice: 'mn:choice',
  /** Self-graded card: shows the answer and the rating buttons. */
  reveal: 'mn:reveal',
  /** Self-graded card: `mn:rate:<1-4>`. */
  rate: 'mn:rate',
  next: 'mn:next',
  /** "I was right". */
  right: 'mn:right',
  /** App Home and reminders: starts a review in the person's DM with Mnemo. */
  start: 'mn:start',
  /** A channel's question of the day: the same three ways to answer. */
  dailyAnswer: 'mn:daily-answer',
  dailyChoice: 'mn:daily-choice',
  dailyReveal: 'mn:daily-reveal',
  /** `/mnemo privacy delete`'s confirmation. */
  erase: 'mn:erase',
  /** A deck import's preview: store it, or drop the file. */
  importConfirm: 'mn:import-ok',
  importCancel: 'mn:import-cancel',
  /** A study control (src/chat/study-code.ts), its code as the value: `{"op","ref","deck"}`. */
  study: 'mn:study',
} as const;

export const VIEW = {
  answer: 'mn:answer-modal',
  settings: 'mn:settings',
  deckImport: 'mn:deck-import',
} as const;

/** A posted question of the day, as its buttons name it. */
const dailyRef = z.object({
  deliveryId: z.number().int().positive(),
  cardId: z.string().min(1),
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type DailyRef = z.infer<typeof dailyRef>;

/** A question of the day and where it was posted, so an answer can update its count. */
const dailyPost = dailyRef.extend({ channelId: z.string().min(1), messageTs: z.string().min(1) });
export type DailyPost = z.infer<typeof dailyPost>;

/** What a quiz belongs to: a review of one deck (or all), or a channel's question of the day. */
const quizContext = z.union([z.object({ deck: z.string().nullable() }), z.object({ daily: dailyPost })]);
export type QuizContext = z.infer<typeof quizContext>;

// Buttons posted by earlier versions also carried the question (questionMrkdwn): zod drops the extra key.
const promptRef = z.object({ promptId: z.guid(), context: quizContext });
export type PromptRef = z.infer<typeof promptRef>;

const reviewRef = z.object({ reviewId: z.number().int().positive(), deck: z.string().nullable() });
const deckRef = z.object({ deck: z.string().nullable() });
const importRef = z.object({ importId: z.guid() });
const studyRef = z.object({
  op: z.string().max(8),
  ref: z.string().max(100),
  deck: z.string().max(100).nullable(),
});

export type QuizAction =
  | { kind: 'answer' | 'give-up' | 'reveal'; ref: PromptRef }
  | { kind: 'choice'; ref: PromptRef; option: number }
  | { kind: 'rate'; ref: PromptRef; rating: Rating }
  | { kind: 'next'; deck: string | null }
  | { kind: 'right'; reviewId: number; deck: string | null }
  | { kind: 'start' }
  | { kind: 'erase' }
  | { kind: 'import-ok' | 'import-cancel'; importId: string }
  | { kind: 'study'; action: StudyAction }
  | { kind: 'daily-answer' | 'daily-reveal'; daily: DailyRef }
  | { kind: 'daily-choice'; daily: DailyRef; option: number };

/** Slack's limit for a button value. */
const VALUE_LIMIT = 2_000;

/** A prompt's button value. */
export function promptValue(ref: PromptRef): string {
  const value = JSON.stringify(ref);
  if (value.length > VALUE_LIMIT)
    throw new Error(`a button value of ${value.length} characters is over Slack's limit`);
  return value;
}

export const dailyValue = (ref: DailyRef): string => JSON.stringify(ref);
export const reviewValue = (reviewId: number, deck: string | null): string =>
  JSON.stringify({ reviewId, deck });
export const deckValue = (deck: string | null): string => JSON.stringify({ deck });
export const studyValue = (action: StudyAction): string => {
  const { op, ref, deckId }: StudyCode = studyCodeOf(action);
  return JSON.stringify({ op, ref, deck: deckId });
};

/** Reads a click back into what it means; null for an action id that is not Mnemo's or a value that does not fit. */
export function parseAction(actionId: string, value: string | undefined): QuizAction | null {
  const [prefix, name, index] = actionId.split(':');
  if (prefix !== 'mn' || !name) return null;
  const json = safeJson(value);
  const read = <T>(schema: z.ZodType<T>): T | null => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : null;
  };
  const slot = index === undefined ? null : Number(index);
  switch (`mn:${name}`) {
    case ACTION.answer:
    case ACTION.giveUp:
    case ACTION.reveal: {
      const ref = read(promptRef);
      return ref && { kind: name as 'answer' | 'give-up' | 'reveal', ref };
    }
    case ACTION.choice: {
      const ref = read(promptRef);
      return ref && isIndex(slot) ? { kind: 'choice', ref, option: slot } : null;
    }
    case ACTION.rate: {
      const ref = read(promptRef);
      return ref && isRating(slot) ? { kind: 'rate', ref, rating: slot } : null;
    }
    case ACTION.next: {
      const ref = read(deckRef);
      return ref && { kind: 'next', deck: ref.deck };
    }
    case ACTION.right: {
      const ref = read(reviewRef);
      return ref && { kind: 'right', reviewId: ref.reviewId, deck: ref.deck };
    }
    case ACTION.start:
      return { kind: 'start' };
    case ACTION.erase:
      return { kind: 'erase' };
    case ACTION.importConfirm:
    case ACTION.importCancel: {
      const ref = read(importRef);
      return ref && { kind: name as 'import-ok' | 'import-cancel', importId: ref.importId };
    }
    case ACTION.study: {
      const ref = read(studyRef);
      const action = ref && studyActionOf({ op: ref.op, ref: ref.ref, deckId: ref.deck });
      return action ? { kind: 'study', action } : null;
    }
    case ACTION.dailyAnswer:
    case ACTION.dailyReveal: {
      const daily = read(dailyRef);
      return daily && { kind: name as 'daily-answer' | 'daily-reveal', daily };
    }
    case ACTION.dailyChoice: {
      const daily = read(dailyRef);
      return daily && isIndex(slot) ? { kind: 'daily-choice', daily, option: slot } : null;
    }
    default:
      return null;
  }
}

/** What the answer modal carries from the click to the submission. */
const answerModalState = z.object({
  promptId: z.guid(),
  context: quizContext,
  /** Where to post the verdict: the clicked message's response_url. */
  responseUrl: z.url(),
  /** Replace the clicked message (a personal quiz) or add an ephemeral one (a channel's question). */
  replace: z.boolean(),
});
export type AnswerModalState = z.infer<typeof answerModalState>;

const settingsModalState = z.object({ responseUrl: z.url() });
export type SettingsModalState = z.infer<typeof settingsModalState>;

export const writeModalState = (state: AnswerModalState | SettingsModalState): string =>
  JSON.stringify(state);
export const readAnswerModalState = (text: string): AnswerModalState =>
  answerModalState.parse(safeJson(text));
export const readDeckImportModalState = (text: string): SettingsModalState =>
  settingsModalState.parse(safeJson(text));
export const readSettingsModalState = (text: string): SettingsModalState =>
  settingsModalState.parse(safeJson(text));

function safeJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isIndex(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value >= 0 && value < 26;
}

function isRating(value: number | null): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
