import type { Logger } from 'pino';
import type { CommandAction } from '../../chat/action.ts';
import { type Carried, NOTHING_CARRIED } from '../../chat/action-code.ts';
import { BUTTON_HANDLING } from '../../chat/action-handling.ts';
import { COMMAND_CATALOG, commandNamed } from '../../chat/command-catalog.ts';
import { commandRequestOf, EVERY_DECK_CHOICE, optionTooLong } from '../../chat/command-options.ts';
import { saysDayOver } from '../../chat/daily-question.ts';
import { type Message, wordsOf } from '../../chat/messages.ts';
import type { ChatPorts } from '../../chat/ports.ts';
import type { Reply as ChatReply } from '../../chat/reply.ts';
import { buttonRequest, type ChatRequest, runRequest } from '../../chat/requests.ts';
import { suggestionsFor } from '../../chat/suggestions.ts';
import { submittedAnswer } from '../../chat/typed-answer.ts';
import type { Place } from '../../core/people.ts';
import { decodeCustomId } from './actions.ts';
import type { DiscordApi } from './api.ts';
import { actorOf, PERSONAL_PLACE, placeOf, serverPlace } from './identity.ts';
import type {
  ActiveInteraction,
  ButtonInteraction,
  CommandInteraction,
  InteractionBase,
  ModalInteraction,
} from './interaction.ts';
import {
  ANSWER_FIELD,
  type Answer,
  appLocaleOf,
  choicesAnswer,
  type Deferral,
  DISCORD_STYLE,
  dailyQuestionBody,
  discordSay,
  messageBody,
  renderReply,
  whisperMessage,
} from './render.ts';

/** What every route may use. */
export interface HandlerContext extends ChatPorts {
  api: DiscordApi;
  log: Logger;
}

/** A route's answer, and work to do once the person has it (such as editing a channel's message). */
export interface Outcome {
  reply: Answer;
  after?: () => Promise<void>;
}

/** One interaction's handling: its name for the log, how it is deferred when slow, and the work. */
export interface Route {
  name: string;
  /** Null: the answer cannot be deferred (a modal, autocomplete) and is quick. */
  deferral: Deferral | null;
  /** Deferred before the work starts, so the work may edit the deferred message with its progress. */
  deferAtOnce?: boolean;
  /** Changes state, so a second delivery of the same interaction must not run it again. */
  once: boolean;
  run: () => Promise<Outcome>;
}

/** A command Mnemo does not have (an older registration), answered with the ones it has. */
const UNKNOWN_COMMAND: Message = {
  code: 'UNKNOWN_COMMAND',
  commands: COMMAND_CATALOG.map((command) => `/${command.name}`),
};

const UNKNOWN_BUTTON: Message = { code: 'UNKNOWN_BUTTON' };

/** A quick answer that changes nothing. */
const quick = (name: string, run: () => Promise<Outcome>): Route => ({
  name,
  deferral: null,
  once: false,
  run,
});

/** Which work takes an interaction. */
export function routeOf(interaction: ActiveInteraction, context: HandlerContext): Route {
  if (interaction.type === 'command') return commandRoute(interaction, context);
  if (interaction.type === 'autocomplete') {
    const name = `autocomplete:${interaction.command}.${interaction.focused.name}`;
    return quick(name, async () => {
      const { name: option, value } = interaction.focused;
      const choices = await suggestionsFor(context.community, placeOf(interaction), option, value);
      // `/daily set` takes "every deck" too.
      if (option === 'deck' && interaction.command === 'daily') {
        const every = discordSay(appLocaleOf(interaction))('commands.everyDeck');
        choices.unshift({ name: every, value: EVERY_DECK_CHOICE });
      }
      return { reply: choicesAnswer(choices) };
    });
  }
  const decoded = decodeCustomId(interaction.customId);
  const action = decoded?.action;
  const name = `${interaction.type}:${action?.kind ?? 'unknown'}`;
  if (interaction.type === 'modal') {
    const typed = submittedAnswer(action, interaction.fields[ANSWER_FIELD] ?? '');
    if (!decoded || !typed) return refused(name, interaction, UNKNOWN_BUTTON);
    // A typed answer counts once by its prompt (src/chat/flows.ts); its verdict replaces the card the
    // modal was opened from. A daily answer is seen by the person alone.
    const daily = typed.kind === 'dailyTypedAnswer';
    const deferral = !daily && interaction.message ? 'update' : 'ephemeral';
    const run = () => chatAnswer(interaction, { ...decoded, action: typed }, context);
    return { name, deferral, once: daily, run };
  }
  const handling = action && BUTTON_HANDLING[action.kind];
  if (!decoded || !action || !handling) return refused(name, interaction, UNKNOWN_BUTTON);
  const deferral = { form: null, replace: 'update', aside: 'ephemeral' } as const;
  const request = buttonRequest(action);
  const run = (): Promise<Outcome> =>
    request.flow === 'quiz'
      ? chatAnswer(interaction, decoded, context)
      : requestAnswer(interaction, request, context);
  return { name, deferral: deferral[handling.reply], once: handling.once, run };
}

/** Refused at once in the person's app language (an older button, an unknown command): nothing runs. */
function refused(name: string, interaction: InteractionBase, message: Message): Route {
  return quick(name, async () => ({ reply: whisperMessage(message, appLocaleOf(interaction)) }));
}

function commandRoute(interaction: CommandInteraction, context: HandlerContext): Route {
  const { command, subcommand, options } = interaction;
  const name = `/${[command, subcommand].filter(Boolean).join(' ')}`;
  // A slow answer is deferred as the command answers: /leaderboard the channel, the others the person.
  const deferral = commandNamed(command)?.visibility;
  if (!deferral) return refused(name, interaction, UNKNOWN_COMMAND);
  const tooLong = optionTooLong(options);
  if (tooLong) return refused(name, interaction, tooLong);
  const request = commandRequestOf(interaction, interaction.files[String(options.file ?? '')]);
  switch (request.flow) {
    case 'study': {
      // A card shown counts once by its prompt, made from the interaction's id (Quiz.nextForRequest); practice
      // claims. Outside a server that installed Mnemo, the person reviews in their own place.
      const place = placeOf(interaction) ?? PERSONAL_PLACE;
      const run = () => requestAnswer(interaction, request, context, { place });
      return { name, deferral, once: request.action.kind === 'practice', run };
    }
    case 'command':
      return { name, deferral, once: true, run: () => communityAnswer(interaction, request.action, context) };
    default: {
      // An import downloads and reads a file: the person sees each step instead of waiting blind.
      const deferAtOnce = request.action.kind === 'deckImport';
      return {
        name,
        deferral,
        deferAtOnce,
        once: true,
        run: () => requestAnswer(interaction, request, context),
      };
    }
  }
}

/**
 * A request run for the person who acted, its reply rendered in their language. `where`: the place it is
 * run in (default: the server it comes from, if any); `notes`: the server's language is noted from it.
 */
async function requestAnswer(
  interaction: ActiveInteraction,
  request: ChatRequest,
  context: HandlerContext,
  where: { place?: Place | null; notes?: boolean; carried?: Carried } = {},
): Promise<{ reply: Answer; chat: ChatReply }> {
  const { isAdmin, ...person } = actorOf(interaction);
  const actor = {
    place: where.place === undefined ? placeOf(interaction) : where.place,
    person,
    isAdmin,
    request: interaction.id,
    appLocale: interaction.locale,
    ...(where.notes ? { communityLocale: interaction.guildLocale } : {}),
  };
  const { reply, locale } = await runRequest(context, request, actor, {
    onErased: (total) => context.log.info({ rows: total }, 'personal data erased'),
    // An import is deferred at once (see commandRoute): its steps replace the deferred message.
    onImportStep: async (step, stepLocale) => {
      const text = wordsOf({ code: 'IMPORT_STEP', step }, DISCORD_STYLE, stepLocale);
      await context.api.editOriginal(interaction.token, messageBody(text));
    },
  });
  // A modal's verdict replaces the card only when the modal was opened from the card's message.
  const opened = interaction.type !== 'modal' || interaction.message !== null;
  const chat = { ...reply, replace: reply.replace && opened };
  return { reply: renderReply(chat, where.carried ?? NOTHING_CARRIED, locale), chat };
}

/** `/stats`, `/settings`, `/deck list | info | leeches`, `/leaderboard`, `/daily`: decode, run the flow, render. */
async function communityAnswer(
  interaction: CommandInteraction,
  action: CommandAction,
  context: HandlerContext,
): Promise<Outcome> {
  const { options } = interaction;
  if (action.kind === 'settings' && (options.leaderboard === 'on' || options.leaderboard === 'off')) {
    const hidden = options.leaderboard === 'off';
    const privacy = { flow: 'privacy', action: { kind: 'leaderboardVisibility', hidden } } as const;
    const shown = await requestAnswer(interaction, privacy, context);
    // Only leaderboard:…: its answer; with other settings, theirs (the settings saved).
    if (Object.keys(options).length === 1) return shown;
  }
  return requestAnswer(interaction, { flow: 'command', action }, context, { notes: true });
}

/** Any quiz button or modal: decode, run the flow, render; then the channel's post of a daily question updated. */
async function chatAnswer(
  interaction: ButtonInteraction | ModalInteraction,
  decoded: NonNullable<ReturnType<typeof decodeCustomId>>,
  context: HandlerContext,
): Promise<Outcome> {
  // The server rides in a custom id only in a DM: a reminder's "Start review", and the cards after it.
  const guildId = interaction.guildId === null ? decoded.carried.place : null;
  const carried = { place: guildId, post: decoded.carried.post ?? interaction.message?.id ?? null };
  // A reminder's DM carries its server; any other card outside a server is the person's own.
  const place = placeOf(interaction) ?? (guildId === null ? PERSONAL_PLACE : serverPlace(guildId));
  const { action } = decoded;
  // The server's language, for its questions of the day: a click from it tells it too.
  const notes = interaction.guildId !== null;
  const { reply, chat } = await requestAnswer(interaction, { flow: 'quiz', action }, context, {
    place,
    notes,
    carried,
  });
  // The channel's post of the daily question the action came from; none once its day is over (it is final).
  const { message, channelId } = interaction;
  const messageId = carried.post;
  const count = chat.dailyCount;
  const final = message !== null && message.id === messageId && saysDayOver(message.content);
  if (!count || channelId === null || messageId === null || final) return { reply };
  const after = async () => {
    const state = { answered: count.answered, revealAnswer: false };
    const body = dailyQuestionBody(count.card, count.deliveryId, state, count.locale);
    await context.api.editMessage(channelId, messageId, body);
  };
  return { reply, after };
}
