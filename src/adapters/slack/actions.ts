import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Action } from '../../chat/action.ts';
import { type Carried, decodeAction, type Encodable, encodeAction } from '../../chat/action-code.ts';
import type { Form } from '../../chat/forms.ts';
import type { Locale } from '../../chat/i18n/locale.ts';
import { type ChatButton, labelOf } from '../../chat/reply.ts';
import { isStudyAction, studyCodeOf } from '../../chat/study-code.ts';
import { decodeLegacyClick, jsonOf, legacyAnswerCode } from './legacy-action.ts';
import { button } from './render/blocks.ts';

/**
 * Chat actions as Slack buttons: the action id names the action (`mn:choice:<option>`, as buttons always
 * did, so a listener and a test can tell them apart), the value is the shared action code.
 */
const ACTION_IDS: Record<Exclude<Encodable, 'typedAnswer' | 'dailyTypedAnswer' | 'showMore'>, string> = {
  openAnswer: 'mn:answer',
  dontKnow: 'mn:give-up',
  reveal: 'mn:reveal',
  choose: 'mn:choice',
  rate: 'mn:rate',
  dailyRate: 'mn:rate',
  next: 'mn:next',
  dispute: 'mn:right',
  startReview: 'mn:start',
  erase: 'mn:erase',
  confirmImport: 'mn:import-ok',
  cancelImport: 'mn:import-cancel',
  dailyOpenAnswer: 'mn:daily-answer',
  dailyReveal: 'mn:daily-reveal',
  dailyChoose: 'mn:daily-choice',
};

/** Each form's callback id. */
export const VIEW = {
  answer: 'mn:answer-modal',
  settings: 'mn:settings',
  deckImport: 'mn:deck-import',
} as const satisfies Record<Form['id'], string>;

/** Slack's limit for a button value. */
const VALUE_LIMIT = 2_000; // characters

/** A chat button as a Block Kit button. Slack styles only primary and danger buttons. */
export function slackButton(chat: ChatButton, carried: Carried, locale: Locale): types.Button {
  const { action } = chat;
  const style = chat.style === 'success' ? 'primary' : chat.style === 'secondary' ? undefined : chat.style;
  return button(
    labelOf(chat.label, locale),
    actionIdOf(action),
    encodeAction(action, carried, VALUE_LIMIT),
    style,
  );
}

function actionIdOf(action: Action): string {
  // Named by its control: Slack refuses two buttons of one block with the same action id.
  if (isStudyAction(action)) return `mn:study:${studyCodeOf(action).op}`;
  const id = Object.hasOwn(ACTION_IDS, action.kind)
    ? ACTION_IDS[action.kind as keyof typeof ACTION_IDS]
    : null;
  if (id === null) throw new Error(`a ${action.kind} action is not a Slack button`);
  if (action.kind === 'choose' || action.kind === 'dailyChoose') return `${id}:${action.option}`;
  return action.kind === 'rate' || action.kind === 'dailyRate' ? `${id}:${action.rating}` : id;
}

/** A click's action and what it carries: the shared code in the value, or a button an earlier version posted. */
export function decodeClick(actionId: string, value: string | undefined) {
  return (value === undefined ? null : decodeAction(value)) ?? decodeLegacyClick(actionId, value);
}

/** What the answer modal carries from the click to the submission. */
const answerModalState = z.object({
  /** The code of the submission: a typed answer, of a card or a question of the day. */
  code: z.string().max(VALUE_LIMIT).optional(),
  /** Where to post the verdict: the clicked message's response_url. */
  responseUrl: z.url(),
  /** Replace the clicked message (a personal quiz) or add an ephemeral one (a channel's question). */
  replace: z.boolean(),
});
export type AnswerModalState = z.infer<typeof answerModalState>;

const formModalState = z.object({ responseUrl: z.url() });
export type FormModalState = z.infer<typeof formModalState>;

export const writeModalState = (state: AnswerModalState | FormModalState): string => JSON.stringify(state);
/** An answer form's state; one opened by an earlier version named its prompt instead of a code. */
export function readAnswerModalState(text: string): AnswerModalState & { code: string } {
  const json = jsonOf(text);
  const state = answerModalState.parse(json);
  return { ...state, code: state.code ?? legacyAnswerCode(json) };
}
export const readFormModalState = (text: string): FormModalState => formModalState.parse(jsonOf(text));
