import type { Card } from '../../../core/deck/card.ts';
import type { AnswerInput } from '../../../core/quiz/answer.ts';
import type { Rating } from '../../../core/rating.ts';
import { encodeAction, type Scope } from '../custom-id.ts';
import { personOf, placeOf } from '../identity.ts';
import type { ButtonInteraction, InteractionBase, ModalInteraction } from '../interaction.ts';
import { ANSWER_FIELD, messageBody } from '../render.ts';
import { whisper } from '../reply.ts';
import { answerModal, revealView } from '../views/card.ts';
import { DAY_OVER, dailyQuestionView } from '../views/daily-question.ts';
import { answerRefusalText } from '../views/verdict.ts';
import { questionOf, verdictReply } from './answers.ts';
import { answer, type HandlerContext, needsServer, type Outcome } from './context.ts';

/** After a channel's question of the day, "Next card" goes on with every deck of this server. */
const EVERY_DECK: Scope = { deckId: null, guildId: null };

/** A button always comes with its message; were one to come without, no count is updated. */
const NO_MESSAGE = '0';

/** The channel's message a member answered from, to update its count of answers. */
interface Posted {
  channelId: string;
  messageId: string;
}

/** An option of the channel's question: the member's own card state moves, and only they see the verdict. */
export function dailyChoose(
  interaction: ButtonInteraction,
  action: { deliveryId: number; option: number; cardId: string },
  context: HandlerContext,
): Promise<Outcome> {
  const input: AnswerInput = { kind: 'choice', option: action.option };
  return answerDaily(interaction, action, input, postedOf(interaction), context);
}

/** "Answer" on the channel's typed question: the modal. */
export function dailyOpenAnswer(
  interaction: ButtonInteraction,
  action: { deliveryId: number; cardId: string },
): Outcome {
  const customId = encodeAction({
    kind: 'dailyTypedAnswer',
    deliveryId: action.deliveryId,
    cardId: action.cardId,
  });
  return answer(answerModal(customId, questionOf(interaction.message)));
}

export function dailyTypedAnswer(
  interaction: ModalInteraction,
  action: { deliveryId: number; cardId: string },
  context: HandlerContext,
): Promise<Outcome> {
  const input: AnswerInput = { kind: 'typed', text: interaction.fields[ANSWER_FIELD] ?? '' };
  return answerDaily(interaction, action, input, postedOf(interaction), context);
}

/** "Show answer & rate" on the channel's self-graded question: the answer and the ratings, to the member only. */
export async function dailyReveal(
  interaction: ButtonInteraction,
  action: { deliveryId: number; cardId: string },
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeOf(interaction);
  if (!place) return needsServer();
  const person = personOf(interaction);
  const shown = await context.quiz.promptFor(place, person, action.cardId, { deliveryId: action.deliveryId });
  if (!shown.ok) return answer(whisper(answerRefusalText(shown.code)));
  const revealed = await context.quiz.reveal(shown.prompt.id, person);
  if (!revealed.ok) return answer(whisper(answerRefusalText(revealed.code)));
  const messageId = interaction.message?.id ?? NO_MESSAGE;
  const view = revealView(
    revealed.prompt,
    (rating) => ({
      kind: 'dailyRate',
      promptId: shown.prompt.id,
      rating,
      deliveryId: action.deliveryId,
      messageId,
    }),
    'Question of the day',
  );
  return answer(whisper(view.text, view.rows));
}

/** A rating of the channel's self-graded question: the verdict replaces the member's own answer message. */
export async function dailyRate(
  interaction: ButtonInteraction,
  action: { promptId: string; rating: Rating; deliveryId: number; messageId: string },
  context: HandlerContext,
): Promise<Outcome> {
  const outcome = await context.quiz.answer(action.promptId, personOf(interaction), {
    kind: 'self',
    rating: action.rating,
  });
  const reply = verdictReply(outcome, EVERY_DECK, action.promptId, true);
  const posted =
    interaction.channelId === null || action.messageId === NO_MESSAGE
      ? null
      : { channelId: interaction.channelId, messageId: action.messageId };
  if (!outcome.ok || outcome.repeated || !posted) return answer(reply);
  return answer(reply, () => refreshCount(context, posted, outcome.card, action.deliveryId));
}

async function answerDaily(
  interaction: InteractionBase,
  action: { deliveryId: number; cardId: string },
  input: AnswerInput,
  posted: Posted | null,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeOf(interaction);
  if (!place) return needsServer();
  const person = personOf(interaction);
  // One prompt per member per day: answering again finds the first prompt, and its answer stands.
  const shown = await context.quiz.promptFor(place, person, action.cardId, { deliveryId: action.deliveryId });
  if (!shown.ok) return answer(whisper(answerRefusalText(shown.code)));
  const outcome = await context.quiz.answer(shown.prompt.id, person, input);
  const reply = verdictReply(outcome, EVERY_DECK, shown.prompt.id, false);
  if (!outcome.ok || outcome.repeated || !posted) return answer(reply);
  return answer(reply, () => refreshCount(context, posted, shown.prompt.card, action.deliveryId));
}

/** The channel's message, where the button was; none once the day is over (the message is final then). */
function postedOf(interaction: ButtonInteraction | ModalInteraction): Posted | null {
  const { message, channelId } = interaction;
  if (!message || channelId === null || message.content.includes(DAY_OVER)) return null;
  return { channelId, messageId: message.id };
}

/** Shows the channel how many members have answered so far. */
async function refreshCount(context: HandlerContext, posted: Posted, card: Card, deliveryId: number) {
  const answered = await context.quiz.answersToDelivery(deliveryId);
  const view = dailyQuestionView(card, deliveryId, { answered, revealAnswer: false });
  await context.api.editMessage(posted.channelId, posted.messageId, messageBody(view));
}
