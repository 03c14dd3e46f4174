import type { Logger } from 'pino';
import { encodeAction } from '../../../chat/action-code.ts';
import { answerForm, type Form } from '../../../chat/forms.ts';
import { chooseLocale, type Locale } from '../../../chat/i18n/locale.ts';
import { type Say, sayer, wordsOf } from '../../../chat/messages.ts';
import type { ChatPorts } from '../../../chat/ports.ts';
import type { Reply } from '../../../chat/reply.ts';
import { type ChatRequest, runRequest } from '../../../chat/requests.ts';
import type { Person, Place } from '../../../core/people.ts';
import { VIEW, writeModalState } from '../actions.ts';
import { type DailyPost, postText } from '../daily-post.ts';
import { userIdOf } from '../identity.ts';
import { note, type SlackMessage } from '../render/blocks.ts';
import { renderForm } from '../render/forms.ts';
import { renderReply, slackStyle } from '../render/reply.ts';
import type { SlackMessenger } from '../send/messenger.ts';
import type { ReplyMode } from '../send/respond.ts';
import type { SlackApi } from '../send/slack-api.ts';
import { type SlackUserLocales, workspaceRights } from '../send/user-locales.ts';

/** What every Slack listener works with. */
export interface ListenerDeps extends ChatPorts {
  log: Logger;
  api: SlackApi;
  messenger: SlackMessenger;
  /** Each person's Slack language (users.info), kept for a while. */
  locales: SlackUserLocales;
  /** The slash command, e.g. `/mnemo`. */
  command: string;
  /** Where Slack's Web API is (SLACK_API_URL): a file on its host may be fetched with the bot token too. */
  apiUrl: string;
}

/** Who acts, where, and how the answer goes back. */
export interface Step {
  place: Place;
  person: Person;
  /** Replies where the step came from: through its response_url, or in the person's DM. */
  reply: (message: SlackMessage, mode: ReplyMode) => Promise<void>;
  /** A click's trigger and response_url, to open the answer form and post the verdict where the card was. */
  trigger?: { triggerId: string; responseUrl: string };
}

/** What Slack said beyond the step: the question of the day acted on, and an admin's rights and language. */
export interface Asked {
  post?: DailyPost | null;
  isAdmin?: boolean;
  /** The person's Slack language, when already read (then their reading language is chosen from it). */
  appLocale?: string | null;
  communityLocale?: string | null;
}

/** The language a person reads: their choice in settings, else their Slack language (asked only then). */
export async function readerLocale(deps: Pick<ListenerDeps, 'quiz' | 'locales'>, person: Person) {
  const chosen = await deps.quiz.language(person);
  if (chosen !== null) return chosen;
  const [teamId = '', userId = ''] = person.externalId.split(':');
  const tag = await deps.locales.of(teamId, userId);
  // Kept for their DM reminders, which no click of theirs comes with.
  await deps.quiz.noteAppLocale(person, tag);
  return chooseLocale(null, tag);
}

export const sayIn = (deps: ListenerDeps, locale: Locale): Say => sayer(slackStyle(deps.command), locale);

/**
 * Every request of commands, buttons and modals: the chat layer's flow (src/chat/requests.ts), its reply
 * rendered where the step came from in the reader's language, and its files in the person's DM with Mnemo.
 * A deck file's admin right is read from `users.info`. Pictures beside a text that stands alone may be
 * refused (as without files:write): that costs only them; an export's file is the answer, so its failure is
 * the person's apology.
 */
export async function answer(deps: ListenerDeps, request: ChatRequest, step: Step, asked: Asked = {}) {
  const { post = null, appLocale, communityLocale } = asked;
  const userId = userIdOf(step.person.externalId);
  // Read at once, beside a deck file's admin right (users.info), not after it.
  const reading = appLocale === undefined ? readerLocale(deps, step.person) : null;
  const rights = request.flow === 'deckFiles' ? workspaceRights(deps.api, userId) : null;
  const isAdmin = rights ? (await Promise.all([rights, reading]))[0].isAdmin : Boolean(asked.isAdmin);
  const actor = {
    place: step.place,
    person: step.person,
    request: null,
    isAdmin,
    ...(appLocale === undefined ? {} : { appLocale }),
    ...(communityLocale === undefined ? {} : { communityLocale }),
  };
  const { reply, locale } = await runRequest(deps, request, actor, {
    onErased: (total) => deps.log.info({ rows: total }, 'personal data erased'),
    // Slack takes five answers per response_url: one step is said, the download's.
    onImportStep: async (progress, stepLocale) => {
      const words = wordsOf({ code: 'IMPORT_STEP', step: progress }, slackStyle(deps.command), stepLocale);
      if (progress === 'downloading') await step.reply(note(words), 'ephemeral');
    },
    ...(reading ? { locale: () => reading } : {}),
  });
  const carried = { place: null, post: post && postText(post) };
  if (reply.body.kind === 'answerForm') {
    // Typed answers: the submission posts the verdict through this click's response_url.
    if (!step.trigger) throw new Error('an answer click came without a response_url');
    const { submit, card } = reply.body;
    const { responseUrl, triggerId } = step.trigger;
    const code = encodeAction(submit, carried, 2_000);
    const state = writeModalState({ code, responseUrl, replace: submit.kind !== 'dailyTypedAnswer' });
    // The question comes from the prompt, not the button: a button value holds at most 2,000 characters.
    return openForm(deps, answerForm(card.question), state, triggerId, locale);
  }
  const shown = renderReply(reply, carried, slackStyle(deps.command), locale);
  await step.reply(shown, reply.replace ? 'replace' : 'ephemeral');
  const upload = deps.messenger.uploadToDm(userId, reply.attachments);
  if (request.flow === 'privacy' || request.flow === 'deckFiles') return upload;
  await upload.catch((error: unknown) =>
    deps.log.warn({ err: error }, 'slack: a picture could not be uploaded; the text reply was sent'),
  );
  await updateCount(deps, reply, post, step.place);
}

/** A question of the day's count of answers, after one more. */
async function updateCount(deps: ListenerDeps, reply: Reply, post: DailyPost | null, place: Place) {
  const count = reply.dailyCount;
  if (!count || !post) return;
  const { channelId, localDate, messageTs } = post;
  const question = { ...count, tenantId: place.tenantId, channelId, localDate };
  const state = { answered: count.answered, revealAnswer: false };
  // A failed count update loses nothing (the answer is stored, the verdict shown): logged, not apologised for.
  await deps.messenger
    .updateDailyQuestion(question, { messageId: messageTs, channelId }, state)
    .catch((error: unknown) =>
      deps.log.warn(
        { tenant: question.tenantId, deliveryId: count.deliveryId, err: error },
        'could not update the answer count of a question of the day',
      ),
    );
}

/** A form as a modal, opened with a trigger (which lasts 3 s). */
export async function openForm(
  deps: ListenerDeps,
  form: Form,
  state: string,
  triggerId: string,
  locale: Locale,
) {
  const view = renderForm(form, VIEW[form.id], state, sayIn(deps, locale));
  await deps.api.call('views.open', (client) => client.views.open({ trigger_id: triggerId, view }));
}
