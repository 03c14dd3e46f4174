import type { AnswerInput } from '../../../core/quiz/answer.ts';
import type { AnswerOutcome } from '../../../core/quiz/quiz.ts';
import type { Rating } from '../../../core/rating.ts';
import { encodeAction, type Scope } from '../custom-id.ts';
import { personOf } from '../identity.ts';
import type { ButtonInteraction, InteractionBase, ModalInteraction, SourceMessage } from '../interaction.ts';
import { ANSWER_FIELD } from '../render.ts';
import { ALREADY_HANDLED, type MessageReply, replace, whisper } from '../reply.ts';
import { split } from '../text.ts';
import { answerModal, fullAnswerText, revealView } from '../views/card.ts';
import { answerRefusalText, disputeText, verdictView } from '../views/verdict.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** "Answer" on a typed card: the modal to type it in. Quick, so it needs no deferral. */
export function openAnswer(interaction: ButtonInteraction, promptId: string, scope: Scope): Outcome {
  const customId = encodeAction({ kind: 'typedAnswer', promptId, scope });
  return answer(answerModal(customId, questionOf(interaction.message)));
}

/** The modal's answer: the verdict replaces the card it was opened from. */
export async function typedAnswer(
  interaction: ModalInteraction,
  promptId: string,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  const text = interaction.fields[ANSWER_FIELD] ?? '';
  return grade(interaction, promptId, scope, { kind: 'typed', text }, context, interaction.message !== null);
}

/** "I don't know": the answer shown, and the card counted as forgotten. */
export function dontKnow(
  interaction: ButtonInteraction,
  promptId: string,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  return grade(interaction, promptId, scope, { kind: 'typed', text: '' }, context, true);
}

export function choose(
  interaction: ButtonInteraction,
  promptId: string,
  option: number,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  return grade(interaction, promptId, scope, { kind: 'choice', option }, context, true);
}

/** "Show answer" on a self-graded card: the answer, and Again / Hard / Good / Easy. */
export async function reveal(
  interaction: ButtonInteraction,
  promptId: string,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  const outcome = await context.quiz.reveal(promptId, personOf(interaction));
  if (!outcome.ok) return answer(whisper(answerRefusalText(outcome.code)));
  const view = revealView(outcome.prompt, (rating) => ({ kind: 'rate', promptId, rating, scope }));
  return answer(replace(view.text, view.rows));
}

export function rate(
  interaction: ButtonInteraction,
  promptId: string,
  rating: Rating,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  return grade(interaction, promptId, scope, { kind: 'self', rating }, context, true);
}

/** "I was right": the review re-rated Good. */
export async function dispute(
  interaction: ButtonInteraction,
  reviewId: number,
  context: HandlerContext,
): Promise<Outcome> {
  return answer(whisper(disputeText(await context.quiz.dispute(reviewId, personOf(interaction)))));
}

/** "Show more": the whole answer of a card whose message had to be cut, in as many messages as it takes. */
export async function showMore(
  interaction: ButtonInteraction,
  promptId: string,
  context: HandlerContext,
): Promise<Outcome> {
  // The button only shows on a message that already holds the answer, so marking it revealed is true.
  const outcome = await context.quiz.reveal(promptId, personOf(interaction));
  if (!outcome.ok) return answer(whisper(answerRefusalText(outcome.code)));
  const [first = '', ...rest] = split(fullAnswerText(outcome.prompt.card));
  return answer(whisper(first, [], rest));
}

async function grade(
  interaction: InteractionBase,
  promptId: string,
  scope: Scope,
  input: AnswerInput,
  context: HandlerContext,
  replaceCard: boolean,
): Promise<Outcome> {
  // Answering is idempotent by prompt, so the dispatcher makes no claim for it (one statement less per
  // answer): a redelivery of the interaction that answered is told so here, from the prompt itself.
  const outcome = await context.quiz.answer(promptId, personOf(interaction), input, interaction.id);
  if (outcome.ok && outcome.redelivered) return answer(whisper(ALREADY_HANDLED));
  return answer(verdictReply(outcome, scope, promptId, replaceCard));
}

/** The verdict (replacing the card, or as a new message), or why the answer was not taken. */
export function verdictReply(
  outcome: AnswerOutcome,
  scope: Scope,
  promptId: string,
  replaceCard: boolean,
): MessageReply {
  // A refusal leaves the card in place: the person may still answer it (another option, say).
  if (!outcome.ok) return whisper(answerRefusalText(outcome.code));
  const view = verdictView(outcome, scope, promptId);
  return replaceCard ? replace(view.text, view.rows) : whisper(view.text, view.rows);
}

/** The question for the modal, from the card's own message (without its hint lines). */
export function questionOf(message: SourceMessage | null): string {
  if (!message) return '';
  return message.content
    .split('\n')
    .filter((line) => !line.startsWith('-# '))
    .join('\n');
}
