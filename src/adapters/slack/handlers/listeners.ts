import type { App } from '@slack/bolt';
import { decodeAction, NOTHING_CARRIED } from '../../../chat/action-code.ts';
import type { DeckFileAction } from '../../../chat/deck-files.ts';
import { handleEvent } from '../../../chat/event-boundary.ts';
import { wordsOf } from '../../../chat/messages.ts';
import { buttonRequest } from '../../../chat/requests.ts';
import { submitSettingsForm } from '../../../chat/settings-form.ts';
import { submittedAnswer } from '../../../chat/typed-answer.ts';
import { decodeClick, readAnswerModalState, readFormModalState, VIEW } from '../actions.ts';
import { dailyPostOf } from '../daily-post.ts';
import { actorOf, personOf, placeOf } from '../identity.ts';
import {
  appHomeOpenedPayload,
  blockActionPayload,
  commandPayload,
  type ViewSubmissionPayload,
  viewSubmissionPayload,
} from '../payloads.ts';
import { note, type SlackMessage } from '../render/blocks.ts';
import { formFile, formValues, renderApologyModal } from '../render/forms.ts';
import { renderHome, renderReply, slackStyle } from '../render/reply.ts';
import { respondTo } from '../send/respond.ts';
import { runSubcommand } from './command.ts';
import { answer, type ListenerDeps, readerLocale, type Step, sayIn } from './steps.ts';
import { parseSubcommand } from './subcommand.ts';

const APOLOGY = wordsOf({ code: 'APOLOGY' }, slackStyle('/mnemo'));

type Ack = (reply?: object) => Promise<void>;

/** One request as its guard sees it: acknowledged yet or not, and where an apology may go once it is. */
interface Guard {
  ack: Ack;
  acked: boolean;
  /** What the log line calls the request; a command's is named once its text is parsed. */
  name: string;
  /** Set once the payload names it. */
  responseUrl: string | null;
}

type Apologize = (apology: SlackMessage, guard: Guard, body: unknown) => Promise<void>;

/** A command's or a form's apology: in the acknowledgement while there has been none, else by response_url. */
const inAck =
  (wrap: (apology: SlackMessage) => object): Apologize =>
  async (apology, guard) => {
    if (!guard.acked) await guard.ack(wrap(apology));
    else if (guard.responseUrl) await respondTo(guard.responseUrl, apology, 'ephemeral');
  };

/** A listener inside chat's error boundary (handleEvent): `onceId` for an event Slack delivers again. */
function guarded(
  deps: ListenerDeps,
  name: (body: unknown) => string,
  apologize: Apologize,
  work: (body: unknown, guard: Guard, context: { botToken?: string | undefined }) => Promise<void>,
  onceId?: (body: unknown) => string | undefined,
) {
  return async (args: { body: unknown; ack?: unknown; context: { botToken?: string | undefined } }) => {
    const { body } = args;
    const ack: Ack = async (reply) => {
      guard.acked = true;
      await (args.ack as Ack)(reply);
    };
    const guard: Guard = { ack, acked: false, name: name(body), responseUrl: null };
    const event = {
      platform: 'slack',
      context: () => ({ tenant: tenantOf(body), command: guard.name }),
      onceId: onceId?.(body),
      apologise: () => apologize(note(APOLOGY), guard, body),
    };
    await handleEvent(deps, event, () => work(body, guard, args.context));
  };
}

/** Every listener: the slash command, Mnemo's buttons, its forms and the App Home. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const ephemeral = (message: SlackMessage) => ({ response_type: 'ephemeral', ...message });
  app.command(
    deps.command,
    guarded(
      deps,
      () => deps.command,
      inAck(ephemeral),
      async (body, guard) => {
        const payload = commandPayload.parse(body);
        guard.responseUrl = payload.response_url;
        // Parsed once, from the text the payload's schema cleaned (the log line reads its name).
        const sub = parseSubcommand(payload.text);
        guard.name = `${deps.command} ${sub.name}`;
        await runSubcommand(deps, payload, sub, (message) => guard.ack(message && ephemeral(message)));
      },
    ),
  );
  // A click's apology (read loosely: the payload itself may be the problem) goes by response_url, or to the DM.
  const clickApology: Apologize = async (apology, guard, body) => {
    if (!guard.acked) await guard.ack();
    const userId = (body as { user?: { id?: unknown } }).user?.id;
    if (guard.responseUrl) await respondTo(guard.responseUrl, apology, 'ephemeral');
    else if (typeof userId === 'string') await deps.messenger.post(userId, apology);
  };
  app.action(
    /^mn:/,
    guarded(
      deps,
      (body) => actionIdOf(body).split(':').slice(0, 2).join(':'),
      clickApology,
      async (body, guard) => {
        const url = (body as { response_url?: unknown }).response_url;
        guard.responseUrl = typeof url === 'string' ? url : null;
        // Clicks need no answer body: acknowledge, then do the work and reply through response_url.
        await guard.ack();
        await click(deps, blockActionPayload.parse(body));
      },
    ),
  );
  const apologyModal = (apology: SlackMessage) => ({
    response_action: 'update',
    view: renderApologyModal(apology.text),
  });
  for (const [form, callbackId] of Object.entries(VIEW) as [keyof typeof VIEW, string][]) {
    app.view(
      callbackId,
      guarded(
        deps,
        () => callbackId,
        inAck(apologyModal),
        async (body, guard, context) => {
          const payload = viewSubmissionPayload.parse(body);
          // Read first: its response_url is where the outcome, or the apology, goes.
          const responseUrl = readFormModalState(payload.view.private_metadata).responseUrl;
          guard.responseUrl = responseUrl;
          const step: Step = {
            ...actorOf(payload.team, payload.user),
            reply: (message, mode) => respondTo(responseUrl, message, mode),
          };
          await SUBMIT[form](deps, payload, step, guard.ack, context.botToken);
        },
      ),
    );
  }
  // Slack already has its 200 and nobody waits on a reply: the log line is all there is to do.
  const quiet: Apologize = async () => {};
  app.event(
    'app_home_opened',
    guarded(
      deps,
      () => 'app_home_opened',
      quiet,
      homeOpened(deps),
      (body) => {
        const id = (body as { event_id?: unknown }).event_id;
        return typeof id === 'string' ? id : undefined;
      },
    ),
  );
}

/** A click: its action decoded (an older button's too), run by its flow, answered where it was. */
async function click(deps: ListenerDeps, payload: ReturnType<typeof blockActionPayload.parse>) {
  const [pressed] = payload.actions;
  const decoded = pressed && decodeClick(pressed.action_id, pressed.value);
  const userId = payload.user.id;
  const step: Step = {
    ...actorOf(payload.team, payload.user),
    reply: async (message, mode) => {
      if (payload.response_url) await respondTo(payload.response_url, message, mode);
      else await deps.messenger.post(userId, message);
    },
    ...(payload.response_url
      ? { trigger: { triggerId: payload.trigger_id, responseUrl: payload.response_url } }
      : {}),
  };
  if (!decoded) {
    const say = sayIn(deps, await readerLocale(deps, step.person));
    return step.reply(note(say('slack.olderButton', { c: deps.command })), 'ephemeral');
  }
  const { action, carried } = decoded;
  // From the App Home or a reminder, a review runs in the person's DM with Mnemo.
  if (action.kind === 'startReview')
    step.reply = (message) => deps.messenger.post(userId, message).then(() => {});
  const clicked = {
    channelId: payload.container?.channel_id ?? payload.channel?.id,
    messageTs: payload.container?.message_ts,
  };
  await answer(deps, buttonRequest(action), step, { post: dailyPostOf(carried.post, clicked) });
}

type Submit = (
  deps: ListenerDeps,
  payload: ViewSubmissionPayload,
  step: Step,
  ack: Ack,
  botToken: string | undefined,
) => Promise<void>;

/** Each form's submission: the form is closed (or shown its errors), then the outcome sent. */
const SUBMIT: Record<keyof typeof VIEW, Submit> = {
  answer: async (deps, payload, step, ack) => {
    const state = readAnswerModalState(payload.view.private_metadata);
    const decoded = decodeAction(state.code);
    const typed = submittedAnswer(decoded?.action, formValues(payload).answer ?? '');
    if (!decoded || !typed) throw new Error('an answer form without its answer');
    // Closing the modal is the acknowledgement; the verdict goes where the question was.
    await ack();
    const reply: Step['reply'] = (message, mode) => respondTo(state.responseUrl, message, mode);
    const post = dailyPostOf(decoded.carried.post);
    await answer(deps, { flow: 'quiz', action: typed }, { ...step, reply }, { post });
  },
  // The form closes at once; the download, its preview and any problem go where the command was typed.
  deckImport: async (deps, payload, step, ack, botToken) => {
    await ack();
    await answer(deps, { flow: 'deckFiles', action: deckImportOf(payload, botToken, deps.apiUrl) }, step);
  },
  // Checked before the modal closes, so a bad value is shown under its field.
  settings: async (deps, payload, step, ack) => {
    const locale = await readerLocale(deps, step.person);
    const say = sayIn(deps, locale);
    const saved = await submitSettingsForm(deps, formValues(payload), { ...step, request: null }, say);
    if (!saved.ok) return ack({ response_action: 'errors', errors: saved.errors });
    await ack();
    // Said as chat's SETTINGS message, as the settings command says it on every platform.
    await step.reply(
      renderReply(saved.reply, NOTHING_CARRIED, slackStyle(deps.command), locale),
      'ephemeral',
    );
  },
};

/** Where Slack serves a shared file's bytes; the bot token goes nowhere else. */
const SLACK_FILE_HOST = 'files.slack.com';

/**
 * The import form's submission as the flow's action; the file is fetched with the workspace's bot token, and
 * only from Slack's file host (or the Web API's own host, SLACK_API_URL): a URL elsewhere is not fetched at all.
 */
function deckImportOf(
  payload: ViewSubmissionPayload,
  botToken: string | undefined,
  apiUrl: string,
): DeckFileAction {
  const file = formFile(payload, 'deck_file');
  const deckId = formValues(payload).deck_id?.trim().toLowerCase() ?? '';
  const url = file?.url_private_download ?? file?.url_private ?? '';
  return {
    kind: 'deckImport',
    file: {
      url: isSlackFileUrl(url, apiUrl) ? url : '',
      name: file?.name ?? 'upload',
      size: file?.size ?? null,
      ...(botToken ? { headers: { authorization: `Bearer ${botToken}` } } : {}),
    },
    deckId: deckId === '' ? null : deckId,
  };
}

function isSlackFileUrl(url: string, apiUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, host } = new URL(url);
  if (protocol === 'https:' && host === SLACK_FILE_HOST) return true;
  const api = new URL(apiUrl);
  return host === api.host && protocol === api.protocol;
}

/** The App Home tab, published afresh each time it is opened (once per event: Slack retries). */
function homeOpened(deps: ListenerDeps) {
  return async (body: unknown) => {
    const payload = appHomeOpenedPayload.parse(body);
    if (payload.event.tab !== undefined && payload.event.tab !== 'home') return;
    const person = personOf(payload.team_id, payload.event.user);
    // The workspace's figures, as /mnemo stats gives them there: its hidden decks left out.
    const [stats, locale] = await Promise.all([
      deps.quiz.stats(person, placeOf(payload.team_id)),
      readerLocale(deps, person),
    ]);
    const view = renderHome(stats, deps.command, locale);
    await deps.api.call('views.publish', (client) =>
      client.views.publish({ user_id: payload.event.user, view }),
    );
  };
}

function actionIdOf(body: unknown): string {
  const id = (body as { actions?: { action_id?: unknown }[] }).actions?.[0]?.action_id;
  return typeof id === 'string' ? id : 'mn:?';
}

/** The team id of any Slack body, read loosely for the log line before the payload is checked. */
function tenantOf(body: unknown): string {
  const record = (body ?? {}) as { team_id?: unknown; team?: { id?: unknown } | null };
  const team = typeof record.team_id === 'string' ? record.team_id : record.team?.id;
  return placeOf(typeof team === 'string' ? team : '?').tenantId;
}
