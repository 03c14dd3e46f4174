import type { App } from '@slack/bolt';
import type { Person, Place } from '../../../core/people.ts';
import {
  type DailyPost,
  type DailyRef,
  type PromptRef,
  parseAction,
  type QuizAction,
  writeModalState,
} from '../action-ids.ts';
import { personOf, placeOf } from '../identity.ts';
import { type BlockActionPayload, blockActionPayload } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderAnswerModal } from '../render/modals.ts';
import { renderDispute, renderReveal } from '../render/quiz.ts';
import { type ReplyMode, respondTo } from '../send/respond.ts';
import type { ListenerDeps } from './deps.ts';
import { APOLOGY, guarded, tenantOf, trackAck } from './guard.ts';
import { answerAndReply, nextCard } from './quiz-flow.ts';

const NO_LONGER_OPEN = 'That question is no longer open.';

/** Every Mnemo button: quiz answers, ratings, "Next card", "I was right", "Start review", the question of the day. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(/^mn:/, async ({ body, ack }) => {
    const tracked = trackAck(ack as () => Promise<void>);
    const actionId = readActionId(body);
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: actionId.split(':').slice(0, 2).join(':') },
      async () => {
        // Clicks need no answer body: acknowledge, then do the work and reply through response_url.
        await tracked.ack();
        await click(deps, blockActionPayload.parse(body));
      },
      async () => {
        if (!tracked.acked()) await tracked.ack();
        await apologize(deps, body);
      },
    );
  });
}

interface Click {
  place: Place;
  person: Person;
  payload: BlockActionPayload;
  /** Replies through the clicked message's response_url. */
  reply: (message: SlackMessage, mode: ReplyMode) => Promise<void>;
}

async function click(deps: ListenerDeps, payload: BlockActionPayload): Promise<void> {
  const [pressed] = payload.actions;
  const action = pressed && parseAction(pressed.action_id, pressed.value);
  const place = placeOf(payload.team.id, payload.team.domain);
  const person = personOf(payload.team.id, payload.user.id, payload.user.username ?? payload.user.name);
  const reply = async (message: SlackMessage, mode: ReplyMode) => {
    if (payload.response_url) await respondTo(payload.response_url, message, mode);
    else await deps.messenger.post(payload.user.id, message);
  };
  if (!action) {
    await reply(
      note(`That button is from an older version of Mnemo. Start again with \`${deps.command} quiz\`.`),
      'ephemeral',
    );
    return;
  }
  await run(deps, action, { place, person, payload, reply });
}

async function run(deps: ListenerDeps, action: QuizAction, on: Click): Promise<void> {
  const { place, person, reply } = on;
  switch (action.kind) {
    case 'start':
      // From the App Home or a reminder: the review runs in the person's DM with Mnemo.
      await deps.messenger.post(on.payload.user.id, await nextCard(deps, place, person, null));
      return;
    case 'next':
      return reply(await nextCard(deps, place, person, action.deck), 'replace');
    case 'answer': {
      // The question comes from the prompt, not the button: a button value holds at most 2,000 characters.
      const shown = await deps.quiz.prompt(action.ref.promptId, person);
      if (!shown.ok) return reply(note(NO_LONGER_OPEN), 'ephemeral');
      return openAnswerModal(deps, on, action.ref, escapeText(shown.prompt.card.question), 'replace');
    }
    case 'give-up':
      return answerAndReply(deps, place, person, action.ref, { kind: 'typed', text: '' }, (m) =>
        reply(m, 'replace'),
      );
    case 'choice':
      return answerAndReply(deps, place, person, action.ref, { kind: 'choice', option: action.option }, (m) =>
        reply(m, 'replace'),
      );
    case 'rate':
      return answerAndReply(deps, place, person, action.ref, { kind: 'self', rating: action.rating }, (m) =>
        reply(m, 'replace'),
      );
    case 'reveal':
      return reveal(deps, on, action.ref, 'replace');
    case 'right':
      return reply(renderDispute(await deps.quiz.dispute(action.reviewId, person), action.deck), 'replace');
    default:
      return dailyClick(deps, action, on);
  }
}

/** A button on a channel's question of the day: the person's own prompt for it, replies only they see. */
async function dailyClick(
  deps: ListenerDeps,
  action: Extract<QuizAction, { kind: `daily-${string}` }>,
  on: Click,
): Promise<void> {
  const post = postOf(action.daily, on.payload);
  const opened = await deps.quiz.promptFor(on.place, on.person, post.cardId, { deliveryId: post.deliveryId });
  if (!opened.ok) return on.reply(note(NO_LONGER_OPEN), 'ephemeral');
  const ref: PromptRef = { promptId: opened.prompt.id, context: { daily: post } };
  switch (action.kind) {
    case 'daily-choice':
      return answerAndReply(deps, on.place, on.person, ref, { kind: 'choice', option: action.option }, (m) =>
        on.reply(m, 'ephemeral'),
      );
    case 'daily-answer':
      return openAnswerModal(deps, on, ref, escapeText(opened.prompt.card.question), 'ephemeral');
    case 'daily-reveal':
      return reveal(deps, on, ref, 'ephemeral');
  }
}

/** The question of the day's message, from the container of the click. */
function postOf(daily: DailyRef, payload: BlockActionPayload): DailyPost {
  const channelId = payload.container?.channel_id ?? payload.channel?.id;
  const messageTs = payload.container?.message_ts;
  if (!channelId || !messageTs) throw new Error('a question-of-the-day click came without its message');
  return { ...daily, channelId, messageTs };
}

async function reveal(deps: ListenerDeps, on: Click, ref: PromptRef, mode: ReplyMode): Promise<void> {
  const outcome = await deps.quiz.reveal(ref.promptId, on.person);
  if (!outcome.ok) return on.reply(note(NO_LONGER_OPEN), mode);
  return on.reply(renderReveal(outcome.prompt.card, ref), mode);
}

/** Typed answers: a modal with one text input; the submission posts the verdict through this click's response_url. */
async function openAnswerModal(
  deps: ListenerDeps,
  on: Click,
  ref: PromptRef,
  questionMrkdwn: string,
  mode: ReplyMode,
): Promise<void> {
  const responseUrl = on.payload.response_url;
  if (!responseUrl) throw new Error('an answer click came without a response_url');
  const state = writeModalState({
    promptId: ref.promptId,
    context: ref.context,
    responseUrl,
    replace: mode === 'replace',
  });
  const view = renderAnswerModal(questionMrkdwn, state);
  await deps.api.call('views.open', (client) =>
    client.views.open({ trigger_id: on.payload.trigger_id, view }),
  );
}

/** Read loosely: the apology must go out even when the payload itself was the problem. */
async function apologize(deps: ListenerDeps, body: unknown): Promise<void> {
  const { response_url: responseUrl, user } = body as { response_url?: unknown; user?: { id?: unknown } };
  if (typeof responseUrl === 'string') await respondTo(responseUrl, note(APOLOGY), 'ephemeral');
  else if (typeof user?.id === 'string') await deps.messenger.post(user.id, note(APOLOGY));
}

function readActionId(body: unknown): string {
  const actions = (body as { actions?: { action_id?: unknown }[] }).actions;
  const id = actions?.[0]?.action_id;
  return typeof id === 'string' ? id : 'mn:?';
}
