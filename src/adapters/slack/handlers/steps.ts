import type { Logger } from 'pino';
import type { Action } from '../../../chat/action.ts';
import { type Carried, encodeAction, NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { type DeckFileAction, runDeckFiles } from '../../../chat/deck-files.ts';
import { runAction } from '../../../chat/flows.ts';
import { answerForm, type Form } from '../../../chat/forms.ts';
import { chooseLocale, type Locale } from '../../../chat/i18n/locale.ts';
import { type Say, sayer, wordsOf } from '../../../chat/messages.ts';
import type { ChatPorts } from '../../../chat/ports.ts';
import { type PrivacyAction, runPrivacy } from '../../../chat/privacy.ts';
import type { Reply } from '../../../chat/reply.ts';
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

/** Every quiz step of commands, buttons and modals: the chat flow, then its reply rendered and sent. */
export async function runChat(deps: ListenerDeps, action: Action, post: DailyPost | null, step: Step) {
  const carried = { place: null, post: post && postText(post) };
  const [reply, locale] = await Promise.all([
    runAction(deps.quiz, action, { place: step.place, person: step.person, request: null }, deps.cardMedia),
    readerLocale(deps, step.person),
  ]);
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
  // A card's pictures, sound and formulas follow in the person's DM: the card itself is ephemeral.
  await sendReply(deps, reply, step, { locale, carried, files: 'optional' });
  const count = reply.dailyCount;
  if (!count || !post) return;
  const { channelId, localDate, messageTs } = post;
  const question = { ...count, tenantId: step.place.tenantId, channelId, localDate };
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

/** `/mnemo privacy export | delete`, its confirmation button and `/mnemo settings leaderboard on|off`. */
export async function runPrivacyStep(deps: ListenerDeps, action: PrivacyAction, step: Step): Promise<void> {
  const reply = await runPrivacy(deps.privacy, action, step.person, (total) =>
    deps.log.info({ rows: total }, 'personal data erased'),
  );
  // An export too long for a message comes as a file in the person's DM with Mnemo.
  await sendReply(deps, reply, step, { files: 'required' });
}

/**
 * A deck-file flow on Slack: the workspace admin right read from `users.info`, the flow, its answer where
 * the person acted (a preview's buttons: in place of the preview), and an export's file in their DM.
 */
export async function runDeckFileStep(deps: ListenerDeps, action: DeckFileAction, step: Step): Promise<void> {
  const [{ isAdmin }, locale] = await Promise.all([
    workspaceRights(deps.api, userIdOf(step.person.externalId)),
    readerLocale(deps, step.person),
  ]);
  const onStep = async (progress: 'downloading' | 'reading') => {
    // Slack takes five answers per response_url: one step is said, the download's.
    const words = wordsOf({ code: 'IMPORT_STEP', step: progress }, slackStyle(deps.command), locale);
    if (progress === 'downloading') await step.reply(note(words), 'ephemeral');
  };
  const chat = await runDeckFiles(deps.deckFiles, action, { ...step, isAdmin }, onStep);
  await sendReply(deps, chat, step, { locale, files: 'required' });
}
