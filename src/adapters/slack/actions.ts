import type { types } from '@slack/bolt';
import type { Action } from '../../chat/action.ts';
import type { Locale } from '../../chat/i18n/locale.ts';
import { type ChatButton, labelOf } from '../../chat/reply.ts';
import { isStudyAction } from '../../chat/study-code.ts';
import { MnemoError } from '../../core/errors.ts';
import {
  ACTION,
  type DailyPost,
  dailyValue,
  deckValue,
  promptValue,
  type QuizAction,
  type QuizContext,
  reviewValue,
  studyValue,
} from './action-ids.ts';
import { button } from './render/blocks.ts';

/** Chat actions in Slack's action ids and button values, and back (action-ids.ts keeps the format). */

/** What a Slack button carries besides the action: the channel's post (or date) of a question of the day. */
export interface Carried {
  /** The post a click on a question of the day came from. */
  post: DailyPost | null;
  /** The day of the question of the day being posted or answered. */
  localDate: string | null;
}

export const NOTHING_CARRIED: Carried = { post: null, localDate: null };

/** The chat action behind a click, and what its buttons carry on. `post`: the question of the day clicked. */
export function chatActionOf(
  action: QuizAction,
  post: DailyPost | null,
): { action: Action; carried: Carried } {
  const plain = (chat: Action) => ({ action: chat, carried: NOTHING_CARRIED });
  const daily = (chat: Action) => ({ action: chat, carried: { post, localDate: post?.localDate ?? null } });
  switch (action.kind) {
    case 'answer':
    case 'give-up':
    case 'reveal': {
      const kind = ({ answer: 'openAnswer', 'give-up': 'dontKnow', reveal: 'reveal' } as const)[action.kind];
      return plain({ kind, promptId: action.ref.promptId, deckId: deckOf(action.ref.context) });
    }
    case 'choice':
      return plain({
        kind: 'choose',
        promptId: action.ref.promptId,
        deckId: deckOf(action.ref.context),
        option: action.option,
      });
    case 'rate': {
      const { promptId, context } = action.ref;
      if (!('daily' in context))
        return plain({ kind: 'rate', promptId, deckId: context.deck, rating: action.rating });
      const { deliveryId } = context.daily;
      return {
        action: { kind: 'dailyRate', deliveryId, promptId, rating: action.rating },
        carried: { post: context.daily, localDate: context.daily.localDate },
      };
    }
    case 'next':
      return plain({ kind: 'next', deckId: action.deck });
    case 'right':
      return plain({ kind: 'dispute', reviewId: action.reviewId, deckId: action.deck });
    case 'start':
      return plain({ kind: 'startReview' });
    case 'erase':
      return plain({ kind: 'erase' });
    case 'import-ok':
      return plain({ kind: 'confirmImport', importId: action.importId });
    case 'import-cancel':
      return plain({ kind: 'cancelImport', importId: action.importId });
    case 'study':
      return plain(action.action);
    case 'daily-answer':
      return daily({ kind: 'dailyOpenAnswer', daily: refOf(action.daily) });
    case 'daily-reveal':
      return daily({ kind: 'dailyReveal', daily: refOf(action.daily) });
    case 'daily-choice':
      return daily({ kind: 'dailyChoose', daily: refOf(action.daily), option: action.option });
  }
}

function refOf(daily: { deliveryId: number; cardId: string }) {
  return { deliveryId: daily.deliveryId, cardId: daily.cardId };
}

/** The deck a "Next card" continues with: the quiz's deck, or any deck after a channel's question. */
export function deckOf(context: QuizContext): string | null {
  return 'deck' in context ? context.deck : null;
}

/** A chat button as a Block Kit button. Slack styles only primary and danger buttons. */
export function slackButton(chat: ChatButton, carried: Carried, locale: Locale): types.Button {
  const [actionId, value] = idOf(chat.action, carried);
  const style = chat.style === 'success' ? 'primary' : chat.style === 'secondary' ? undefined : chat.style;
  return button(labelOf(chat.label, locale), actionId, value, style);
}

function idOf(action: Action, carried: Carried): [string, string] {
  const prompt = (promptId: string, deckId: string | null) =>
    promptValue({ promptId, context: { deck: deckId } });
  const daily = (ref: { deliveryId: number; cardId: string }) => {
    if (carried.localDate === null)
      throw new MnemoError('INVARIANT', 'a question-of-the-day button without its date');
    return dailyValue({ ...ref, localDate: carried.localDate });
  };
  if (isStudyAction(action)) return [ACTION.study, studyValue(action)];
  switch (action.kind) {
    case 'openAnswer':
      return [ACTION.answer, prompt(action.promptId, action.deckId)];
    case 'dontKnow':
      return [ACTION.giveUp, prompt(action.promptId, action.deckId)];
    case 'reveal':
      return [ACTION.reveal, prompt(action.promptId, action.deckId)];
    case 'choose':
      return [`${ACTION.choice}:${action.option}`, prompt(action.promptId, action.deckId)];
    case 'rate':
      return [`${ACTION.rate}:${action.rating}`, prompt(action.promptId, action.deckId)];
    case 'dailyRate': {
      if (!carried.post)
        throw new MnemoError('INVARIANT', 'a rating of a question of the day without its post');
      return [
        `${ACTION.rate}:${action.rating}`,
        promptValue({ promptId: action.promptId, context: { daily: carried.post } }),
      ];
    }
    case 'next':
      return [ACTION.next, deckValue(action.deckId)];
    case 'dispute':
      return [ACTION.right, reviewValue(action.reviewId, action.deckId)];
    case 'startReview':
      return [ACTION.start, deckValue(null)];
    case 'erase':
      return [ACTION.erase, '{}'];
    case 'confirmImport':
      return [ACTION.importConfirm, JSON.stringify({ importId: action.importId })];
    case 'cancelImport':
      return [ACTION.importCancel, JSON.stringify({ importId: action.importId })];
    case 'dailyChoose':
      return [`${ACTION.dailyChoice}:${action.option}`, daily(action.daily)];
    case 'dailyOpenAnswer':
      return [ACTION.dailyAnswer, daily(action.daily)];
    case 'dailyReveal':
      return [ACTION.dailyReveal, daily(action.daily)];
    case 'quiz':
    case 'typedAnswer':
    case 'dailyTypedAnswer':
    case 'showMore':
      throw new MnemoError('INVARIANT', `a ${action.kind} action is not a Slack button`);
  }
}
