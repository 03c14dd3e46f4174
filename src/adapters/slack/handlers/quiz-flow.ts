import type { Card } from '../../../core/deck/card.ts';
import type { AnswerInput } from '../../../core/quiz/answer.ts';
import type { Person, Place } from '../../../core/quiz/ports.ts';
import type { DailyPost, QuizContext } from '../action-ids.ts';
import type { SlackMessage } from '../render/blocks.ts';
import {
  deckOf,
  renderAnswerProblem,
  renderNothingDue,
  renderQuestion,
  renderVerdict,
} from '../render/quiz.ts';
import type { ListenerDeps } from './deps.ts';

/** The steps of a quiz that commands, buttons and modals share: core call, then render. */

export async function nextCard(
  deps: ListenerDeps,
  place: Place,
  person: Person,
  deck: string | null,
): Promise<SlackMessage> {
  const outcome = await deps.quiz.next(place, person, { deckId: deck });
  return outcome.ok ? renderQuestion(outcome.prompt, { deck }, outcome.isNew) : renderNothingDue(outcome);
}

/**
 * Answers a prompt and replies with the verdict. An answer to a channel's question of the day then updates the
 * count on the channel's post.
 */
export async function answerAndReply(
  deps: ListenerDeps,
  place: Place,
  person: Person,
  ref: { promptId: string; context: QuizContext },
  input: AnswerInput,
  reply: (message: SlackMessage) => Promise<void>,
): Promise<void> {
  const outcome = await deps.quiz.answer(ref.promptId, person, input);
  const deck = deckOf(ref.context);
  await reply(outcome.ok ? renderVerdict(outcome, deck) : renderAnswerProblem(outcome.code, deck));
  if (outcome.ok && !outcome.repeated && 'daily' in ref.context) {
    await refreshDailyCount(deps, place, ref.context.daily, outcome.card);
  }
}

/** A failed count update loses nothing (the answer is stored, the verdict shown): it is logged, not apologised for. */
async function refreshDailyCount(
  deps: ListenerDeps,
  place: Place,
  post: DailyPost,
  card: Card,
): Promise<void> {
  try {
    await deps.messenger.updateDailyQuestion(
      {
        deliveryId: post.deliveryId,
        tenantId: place.tenantId,
        channelId: post.channelId,
        card,
        localDate: post.localDate,
      },
      { messageId: post.messageTs, channelId: post.channelId },
      { answered: await deps.quiz.answersToDelivery(post.deliveryId), revealAnswer: false },
    );
  } catch (error) {
    deps.log.warn(
      { tenant: place.tenantId, deliveryId: post.deliveryId, err: error },
      'could not update the answer count of a question of the day',
    );
  }
}
