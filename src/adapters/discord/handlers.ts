import type { Logger } from 'pino';
import type { Action } from '../../chat/action.ts';
import { type Carried, NOTHING_CARRIED } from '../../chat/action-code.ts';
import {
  commandActionOf,
  EVERY_DECK_CHOICE,
  privacyActionOf,
  quizActionOf,
} from '../../chat/command-options.ts';
import { runCommand } from '../../chat/commands.ts';
import { saysDayOver } from '../../chat/daily-question.ts';
import { type DeckFileAction, runDeckFiles } from '../../chat/deck-files.ts';
import { runAction } from '../../chat/flows.ts';
import { type Locale, localeFor } from '../../chat/i18n/locale.ts';
import { wordsOf } from '../../chat/messages.ts';
import type { ChatPorts } from '../../chat/ports.ts';
import { type PrivacyAction, runPrivacy } from '../../chat/privacy.ts';
import { type Reply as ChatReply, whisper } from '../../chat/reply.ts';
import { suggestionsFor } from '../../chat/suggestions.ts';
import type { Person } from '../../core/people.ts';
import type { DiscordApi } from './api.ts';
import { actorOf, PERSONAL_PLACE, personOf, placeOf, serverPlace } from './identity.ts';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  CommandInteraction,
  InteractionBase,
  ModalInteraction,
} from './interaction.ts';
import {
  ANSWER_FIELD,
  appLocaleOf,
  DISCORD_STYLE,
  dailyQuestionView,
  discordSay,
  messageBody,
  type Reply,
  renderReply,
} from './render.ts';

/** What every handler may use. */
export interface HandlerContext extends ChatPorts {
  api: DiscordApi;
  log: Logger;
}

/** A handler's answer, and work to do once the person has it (such as editing a channel's message). */
export interface Outcome {
  reply: Reply;
  after?: () => Promise<void>;
}

export function answer(reply: Reply, after?: () => Promise<void>): Outcome {
  return after ? { reply, after } : { reply };
}

/** A flow run for the person who acted, its reply in their language (read first: the flow may erase it). */
async function flowAnswer(
  interaction: InteractionBase,
  context: HandlerContext,
  run: (person: Person, locale: Locale) => Promise<ChatReply>,
): Promise<Outcome> {
  const person = personOf(interaction);
  const locale = await localeFor(context.quiz, person, interaction.locale);
  return answer(renderReply(await run(person, locale), NOTHING_CARRIED, locale));
}

/** `/quiz [deck] [tag] [practice]`: the caller's next due card (or a practice card), seen by them only. */
export function quizCommand(interaction: CommandInteraction, context: HandlerContext): Promise<Outcome> {
  // Outside a server that installed Mnemo, the person reviews in their own place.
  const place = placeOf(interaction) ?? PERSONAL_PLACE;
  const action = quizActionOf(interaction.options);
  return flowAnswer(interaction, context, async (person) => {
    const { deckId } = action;
    if (deckId !== null && !(await context.community.deck(place, deckId))) {
      return whisper({ kind: 'message', message: { code: 'UNKNOWN_DECK', deckId } });
    }
    const actor = { place, person, request: interaction.id };
    return runAction(context.quiz, action, actor, context.cardMedia);
  });
}

/** `/privacy export | delete`: the person's own data, on Discord. */
export function privacyCommand(interaction: CommandInteraction, context: HandlerContext): Promise<Outcome> {
  return privacyAnswer(interaction, privacyActionOf(interaction.subcommand), context);
}

/** A privacy flow for the person who acted, wherever they are: their data is theirs, not a server's. */
export function privacyAnswer(
  interaction: InteractionBase,
  action: PrivacyAction,
  context: HandlerContext,
): Promise<Outcome> {
  return flowAnswer(interaction, context, (person) =>
    runPrivacy(context.privacy, action, person, (total) =>
      context.log.info({ rows: total }, 'personal data erased'),
    ),
  );
}

/**
 * A deck-file command or a preview's button. An import is deferred at once (see the router) and its steps
 * replace the deferred message while the file is fetched and read.
 */
export function deckFilesAnswer(
  interaction: InteractionBase,
  action: DeckFileAction,
  context: HandlerContext,
): Promise<Outcome> {
  const { isAdmin, ...person } = actorOf(interaction);
  return flowAnswer(interaction, context, (_, locale) => {
    const onStep = async (step: 'downloading' | 'reading') => {
      const text = wordsOf({ code: 'IMPORT_STEP', step }, DISCORD_STYLE, locale);
      await context.api.editOriginal(interaction.token, messageBody({ text, rows: [] }));
    };
    const actor = { place: placeOf(interaction), person, isAdmin };
    return runDeckFiles(context.deckFiles, action, actor, action.kind === 'deckImport' ? onStep : undefined);
  });
}

/** A community command: decode, run the flow, render. */
export async function communityCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  // Manage Server is read from this interaction's member permissions: a server's admins can override
  // a command's default_member_permissions.
  const { isAdmin, ...person } = actorOf(interaction);
  const appLocale = interaction.locale;
  const actor = {
    place: placeOf(interaction),
    person,
    isAdmin,
    request: interaction.id,
    appLocale,
    communityLocale: interaction.guildLocale,
  };
  const action = commandActionOf(interaction);
  const leaderboard = interaction.options.leaderboard;
  if (action.kind === 'settings' && (leaderboard === 'on' || leaderboard === 'off')) {
    const hidden = leaderboard === 'off';
    const shown = await privacyAnswer(interaction, { kind: 'leaderboardVisibility', hidden }, context);
    // Only leaderboard:…: its answer; with other settings, theirs (the settings saved).
    if (Object.keys(interaction.options).length === 1) return shown;
  }
  const [reply, locale] = await Promise.all([
    runCommand(context, action, actor),
    localeFor(context.quiz, person, appLocale),
    actor.place && context.community.noteLocale(actor.place, interaction.guildLocale),
  ]);
  return answer(renderReply(reply, NOTHING_CARRIED, locale));
}

/** Suggestions while an option is typed; `/daily set` takes "every deck" too. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const { name, value } = interaction.focused;
  const choices = await suggestionsFor(context.community, placeOf(interaction), name, value);
  if (name === 'deck' && interaction.command === 'daily') {
    const every = discordSay(appLocaleOf(interaction))('commands.everyDeck');
    choices.unshift({ name: every, value: EVERY_DECK_CHOICE });
  }
  return answer({ kind: 'choices', choices });
}

/** Any quiz button or modal: decode, run the flow, render; then the channel's post of a daily question updated. */
export async function runChat(
  interaction: ButtonInteraction | ModalInteraction,
  decoded: { action: Action; carried: Carried },
  context: HandlerContext,
): Promise<Outcome> {
  // The server rides in a custom id only in a DM: a reminder's "Start review", and the cards after it.
  const guildId = interaction.guildId === null ? decoded.carried.place : null;
  const carried = { place: guildId, post: decoded.carried.post ?? interaction.message?.id ?? null };
  // A reminder's DM carries its server; any other card outside a server is the person's own.
  const place = placeOf(interaction) ?? (guildId === null ? PERSONAL_PLACE : serverPlace(guildId));
  const person = personOf(interaction);
  const actor = { place, person, request: interaction.id };
  let { action } = decoded;
  if (action.kind === 'typedAnswer' || action.kind === 'dailyTypedAnswer') {
    // The typed answer comes from the submitted form's field.
    action = {
      ...action,
      text: interaction.type === 'modal' ? (interaction.fields[ANSWER_FIELD] ?? '') : '',
    };
  }
  const [reply, locale] = await Promise.all([
    runAction(context.quiz, action, actor, context.cardMedia),
    localeFor(context.quiz, person, interaction.locale),
    // The server's language, for its questions of the day: a click from it tells it too.
    interaction.guildId !== null && context.community.noteLocale(place, interaction.guildLocale),
  ]);
  // A modal's verdict replaces the card only when the modal was opened from the card's message.
  const replace = reply.replace && (interaction.type === 'button' || interaction.message !== null);
  const rendered = renderReply({ ...reply, replace }, carried, locale);
  // The channel's post of the daily question the action came from; none once its day is over (it is final).
  const { message, channelId } = interaction;
  const messageId = carried.post;
  const count = reply.dailyCount;
  const final = message !== null && message.id === messageId && saysDayOver(message.content);
  if (!count || channelId === null || messageId === null || final) return answer(rendered);
  return answer(rendered, async () => {
    const state = { answered: count.answered, revealAnswer: false };
    const view = dailyQuestionView(count.card, count.deliveryId, state, count.locale);
    await context.api.editMessage(channelId, messageId, messageBody(view));
  });
}
