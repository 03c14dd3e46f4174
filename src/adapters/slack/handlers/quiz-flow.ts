import type { Action } from '../../../chat/action.ts';
import { type Carried, encodeAction, NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { runAction } from '../../../chat/flows.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { sayer } from '../../../chat/messages.ts';
import type { Reply } from '../../../chat/reply.ts';
import type { Person, Place } from '../../../core/people.ts';
import { writeModalState } from '../actions.ts';
import { type DailyPost, postText } from '../daily-post.ts';
import { userIdOf } from '../identity.ts';
import { escapeText, type SlackMessage } from '../render/blocks.ts';
import { renderAnswerModal } from '../render/modals.ts';
import { renderReply, slackStyle } from '../render/reply.ts';
import type { ReplyMode } from '../send/respond.ts';
import type { ListenerDeps } from './deps.ts';
import { readerLocale } from './locale.ts';

/** Where a quiz step came from, and how its reply goes back. */
export interface Step {
  place: Place;
  person: Person;
  /** Replies where the step came from: through its response_url, or in the person's DM. */
  reply: (message: SlackMessage, mode: ReplyMode) => Promise<void>;
  /** A click's trigger and response_url, to open the answer form and post the verdict where the card was. */
  trigger?: { triggerId: string; responseUrl: string };
}

/** Every quiz step of commands, buttons and modals: the chat flow, then its reply rendered and sent. */
export async function runChat(
  deps: ListenerDeps,
  action: Action,
  post: DailyPost | null,
  step: Step,
): Promise<void> {
  const carried = { place: null, post: post && postText(post) };
  const [reply, locale] = await Promise.all([
    runAction(deps.quiz, action, { place: step.place, person: step.person, request: null }, deps.cardMedia),
    readerLocale(deps, step.person),
  ]);
  if (reply.body.kind === 'answerForm') return openAnswerForm(deps, reply, post, step, locale);
  // A card's pictures, sound and formulas follow in the person's DM: the card itself is ephemeral.
  await sendReply(deps, reply, step, { locale, carried, files: 'optional' });
  if (reply.dailyCount && post) await refreshDailyCount(deps, step.place, reply.dailyCount, post);
}

/**
 * A chat reply where the step came from (in place of the message acted on, or a new ephemeral one), in the
 * reader's language, and its files in the person's DM with Mnemo. `optional` files (pictures beside a text
 * that stands alone) may be refused, as without files:write: that costs only them; `required` ones (an
 * export) are the answer, and their failure is the person's apology.
 */
export async function sendReply(
  deps: ListenerDeps,
  reply: Reply,
  step: Pick<Step, 'person' | 'reply'>,
  options: { locale?: Locale; carried?: Carried; files: 'optional' | 'required' },
): Promise<void> {
  const locale = options.locale ?? (await readerLocale(deps, step.person));
  const shown = renderReply(reply, options.carried ?? NOTHING_CARRIED, slackStyle(deps.command), locale);
  await step.reply(shown, reply.replace ? 'replace' : 'ephemeral');
  const upload = deps.messenger.uploadToDm(userIdOf(step.person.externalId), reply.attachments);
  if (options.files === 'required') return upload;
  await upload.catch((error: unknown) =>
    deps.log.warn({ err: error }, 'slack: a picture could not be uploaded; the text reply was sent'),
  );
}

/** Typed answers: a modal with one text input; the submission posts the verdict through this click's response_url. */
async function openAnswerForm(
  deps: ListenerDeps,
  reply: Reply,
  post: DailyPost | null,
  step: Step,
  locale: Locale,
): Promise<void> {
  if (reply.body.kind !== 'answerForm') return;
  if (!step.trigger) throw new Error('an answer click came without a response_url');
  const { triggerId, responseUrl } = step.trigger;
  const { body } = reply;
  const daily = body.submit.kind === 'dailyTypedAnswer';
  const code = encodeAction(body.submit, { place: null, post: post && postText(post) }, 2_000);
  const state = writeModalState({ code, responseUrl, replace: !daily });
  // The question comes from the prompt, not the button: a button value holds at most 2,000 characters.
  const view = renderAnswerModal(
    escapeText(body.card.question),
    state,
    sayer(slackStyle(deps.command), locale),
  );
  await deps.api.call('views.open', (client) => client.views.open({ trigger_id: triggerId, view }));
}

/** A failed count update loses nothing (the answer is stored, the verdict shown): it is logged, not apologised for. */
async function refreshDailyCount(
  deps: ListenerDeps,
  place: Place,
  count: NonNullable<Reply['dailyCount']>,
  post: DailyPost,
): Promise<void> {
  try {
    await deps.messenger.updateDailyQuestion(
      {
        deliveryId: count.deliveryId,
        tenantId: place.tenantId,
        channelId: post.channelId,
        card: count.card,
        localDate: post.localDate,
        locale: count.locale,
      },
      { messageId: post.messageTs, channelId: post.channelId },
      { answered: count.answered, revealAnswer: false },
    );
  } catch (error) {
    deps.log.warn(
      { tenant: place.tenantId, deliveryId: count.deliveryId, err: error },
      'could not update the answer count of a question of the day',
    );
  }
}
