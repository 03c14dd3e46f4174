import { type DeckFileAction, runDeckFiles } from '../../../chat/deck-files.ts';
import { sayer, wordsOf } from '../../../chat/messages.ts';
import type { Person, Place } from '../../../core/people.ts';
import { writeModalState } from '../actions.ts';
import type { ViewSubmissionPayload } from '../payloads.ts';
import { note, type SlackMessage } from '../render/blocks.ts';
import { DECK_IMPORT_FIELDS, renderDeckImportModal } from '../render/modals.ts';
import { slackStyle } from '../render/reply.ts';
import type { ReplyMode } from '../send/respond.ts';
import { workspaceRights } from './daily.ts';
import type { ListenerDeps } from './deps.ts';
import { readerLocale } from './locale.ts';
import { sendReply } from './quiz-flow.ts';

/** Who runs a deck-file step, and where its answer goes. */
export interface DeckFileStep {
  place: Place;
  person: Person;
  slackUserId: string;
  reply: (message: SlackMessage, mode: ReplyMode) => Promise<void>;
}

/**
 * A deck-file flow on Slack: the workspace admin right read from `users.info`, the flow, its answer where
 * the person acted (a preview's buttons: in place of the preview), and an export's file in their DM.
 */
export async function runDeckFileStep(
  deps: ListenerDeps,
  action: DeckFileAction,
  step: DeckFileStep,
): Promise<void> {
  const { isAdmin } = await workspaceRights(deps.api, step.slackUserId);
  const style = slackStyle(deps.command);
  const locale = await readerLocale(deps, step.person);
  const onStep = async (progress: 'downloading' | 'reading') => {
    // Slack takes five answers per response_url: one step is said, the download's.
    if (progress === 'downloading')
      await step.reply(note(wordsOf({ code: 'IMPORT_STEP', step: progress }, style, locale)), 'ephemeral');
  };
  const chat = await runDeckFiles(deps.deckFiles, action, { ...step, isAdmin }, onStep);
  await sendReply(deps, chat, step, { locale, files: 'required' });
}

/** `/mnemo deck import`: admins get the upload form; the others are told at once, with no form to fill. */
export async function openDeckImport(
  deps: ListenerDeps,
  person: Person,
  slackUserId: string,
  triggerId: string,
  responseUrl: string,
  reply: (message: SlackMessage) => Promise<void>,
): Promise<void> {
  const [{ isAdmin }, locale] = await Promise.all([
    workspaceRights(deps.api, slackUserId),
    readerLocale(deps, person),
  ]);
  const style = slackStyle(deps.command);
  if (!isAdmin) return reply(note(wordsOf({ code: 'DECK_ADMINS_ONLY' }, style, locale)));
  const view = renderDeckImportModal(writeModalState({ responseUrl }), sayer(style, locale));
  await deps.api.call('views.open', (client) => client.views.open({ trigger_id: triggerId, view }));
}

/** Where Slack serves a shared file's bytes; the bot token goes nowhere else. */
const SLACK_FILE_HOST = 'files.slack.com';

/**
 * The import form's submission as the flow's action; the file is fetched with the workspace's bot token, and
 * only from Slack's file host (or the Web API's own host, SLACK_API_URL): a URL elsewhere is not fetched at all.
 */
export function deckImportOf(
  payload: ViewSubmissionPayload,
  botToken: string | undefined,
  apiUrl: string,
): DeckFileAction {
  const f = DECK_IMPORT_FIELDS;
  const values = payload.view.state.values;
  const [file] = values[f.file.block]?.[f.file.action]?.files ?? [];
  const deckId = values[f.deck.block]?.[f.deck.action]?.value?.trim().toLowerCase() ?? '';
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
