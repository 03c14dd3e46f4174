import type { App } from '@slack/bolt';
import { sayer } from '../../../chat/messages.ts';
import { decodeClick } from '../actions.ts';
import { dailyPostOf } from '../daily-post.ts';
import { personOf, placeOf } from '../identity.ts';
import { type BlockActionPayload, blockActionPayload } from '../payloads.ts';
import { note, type SlackMessage } from '../render/blocks.ts';
import { slackStyle } from '../render/reply.ts';
import { type ReplyMode, respondTo } from '../send/respond.ts';
import { runDeckFileStep } from './deck-files.ts';
import type { ListenerDeps } from './deps.ts';
import { APOLOGY, guarded, tenantOf, trackAck } from './guard.ts';
import { readerLocale } from './locale.ts';
import { runPrivacyStep } from './privacy.ts';
import { runChat, type Step } from './quiz-flow.ts';

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

async function click(deps: ListenerDeps, payload: BlockActionPayload): Promise<void> {
  const [pressed] = payload.actions;
  const decoded = pressed && decodeClick(pressed.action_id, pressed.value);
  const userId = payload.user.id;
  const reply = async (message: SlackMessage, mode: ReplyMode) => {
    if (payload.response_url) await respondTo(payload.response_url, message, mode);
    else await deps.messenger.post(userId, message);
  };
  const person = personOf(payload.team.id, userId, payload.user.username ?? payload.user.name);
  if (!decoded) {
    const say = sayer(slackStyle(deps.command), await readerLocale(deps, person));
    return reply(note(say('slack.olderButton', { c: deps.command })), 'ephemeral');
  }
  const { action: chat, carried } = decoded;
  if (chat.kind === 'erase') return runPrivacyStep(deps, chat, { person, reply });
  const place = placeOf(payload.team.id, payload.team.domain);
  if (chat.kind === 'confirmImport' || chat.kind === 'cancelImport')
    return runDeckFileStep(deps, chat, { place, person, slackUserId: userId, reply });
  const step: Step = {
    place,
    person,
    // From the App Home or a reminder, a review runs in the person's DM with Mnemo.
    reply:
      chat.kind === 'startReview' ? (message) => deps.messenger.post(userId, message).then(() => {}) : reply,
    ...(payload.response_url
      ? { trigger: { triggerId: payload.trigger_id, responseUrl: payload.response_url } }
      : {}),
  };
  const clicked = {
    channelId: payload.container?.channel_id ?? payload.channel?.id,
    messageTs: payload.container?.message_ts,
  };
  await runChat(deps, chat, dailyPostOf(carried.post, clicked), step);
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
