import type { AnswerOutcome, DisputeOutcome } from '../core/quiz/quiz.ts';
import { describeWhen } from '../core/scheduling/day.ts';

export type AnswerRefusal = Extract<AnswerOutcome, { ok: false }>['code'] | 'CARD_NOT_FOUND';
export type DisputeRefusal = Extract<DisputeOutcome, { ok: false }>['code'];

/** Every outcome a person is told in words, with what the words need. */
export type Message =
  | { code: AnswerRefusal | DisputeRefusal }
  | { code: 'NOTHING_DUE'; nextDue: Date | null; now: Date; deckId: string | null }
  | { code: 'RERATED'; due: Date; now: Date; repeated: boolean }
  | { code: 'ALREADY_ANSWERED' }
  | { code: 'ALREADY_HANDLED' }
  | { code: 'NEEDS_PLACE' }
  | { code: 'APOLOGY' };

export type MessageCode = Message['code'];

/** How a platform writes emphasis, code and outside text, and how its commands are typed. */
export interface Style {
  bold(text: string): string;
  /** A command or an id, shown as code. */
  code(text: string): string;
  /** Card or user text made inert for the platform. */
  text(text: string): string;
  /** How a person starts a quiz there: `/quiz`, `/mnemo quiz`. */
  quizCommand: string;
}

type Words<M extends Message> = (style: Style, message: M) => string;
type Table = { [C in MessageCode]: Words<Extract<Message, { code: C }>> };

/** The one table of what a person reads for every outcome, on every platform. */
const MESSAGES: Table = {
  PROMPT_NOT_FOUND: (s) => `That question is no longer open. Use ${s.code(s.quizCommand)} for a fresh one.`,
  NOT_YOUR_PROMPT: (s) =>
    `That card was dealt to someone else, so it is no longer open to you. Use ${s.code(s.quizCommand)} to get your own.`,
  STALE_PROMPT: (s) =>
    `You reviewed this card since it was shown, so this answer does not count. Use ${s.code(s.quizCommand)} for the next one.`,
  WRONG_ANSWER_KIND: () => 'That kind of answer does not fit this card.',
  NO_SUCH_OPTION: () => 'That option is not on this card.',
  CARD_NOT_FOUND: () => 'This question was retired from its deck, so it can no longer be answered.',
  REVIEW_NOT_FOUND: () => 'There is no answer to re-rate.',
  NOT_YOUR_REVIEW: () => 'That answer is not yours to re-rate.',
  ALREADY_RIGHT: () => 'That answer already counted as right.',
  REVIEWED_SINCE: () => 'You reviewed that card again since, so this answer can no longer be re-rated.',
  NOTHING_DUE: (s, m) => {
    const where = m.deckId === null ? '' : ` in ${s.code(m.deckId)}`;
    if (!m.nextDue) return `🎉 Nothing to review${where}: every card is done for now.`;
    return `🎉 Nothing due right now${where}. The next card is due ${describeWhen(m.nextDue, m.now)}.`;
  },
  RERATED: (s, m) => {
    const back = `${s.bold('Good')}; back ${s.bold(describeWhen(m.due, m.now))}.`;
    return m.repeated ? `Already re-rated ${back}` : `Re-rated ${back}`;
  },
  ALREADY_ANSWERED: (s) => `${s.bold('Already answered')}: your first answer stands.`,
  ALREADY_HANDLED: () => 'This was already handled.',
  NEEDS_PLACE: () => 'This works in a server, not in DMs: use it in a channel of your server.',
  APOLOGY: () => 'Sorry, something went wrong on our side. Please try again in a moment.',
};

/** The words of a message, written in a platform's style. */
export function wordsOf(message: Message, style: Style): string {
  return (MESSAGES[message.code] as Words<Message>)(style, message);
}
