import { decodeCustomId } from './actions.ts';
import { runChat } from './chat.ts';
import { autocomplete } from './handlers/autocomplete.ts';
import { communityCommand } from './handlers/community.ts';
import { answer, type HandlerContext, type Outcome } from './handlers/context.ts';
import { DECK_FILE_SUBCOMMANDS, deckFileActionOf, deckFilesAnswer } from './handlers/deck-files.ts';
import { tooLongOption } from './handlers/option-limits.ts';
import { privacyAnswer, privacyCommand } from './handlers/privacy.ts';
import { quizCommand } from './handlers/quiz.ts';
import type {
  ActiveInteraction,
  ButtonInteraction,
  CommandInteraction,
  InteractionBase,
  ModalInteraction,
} from './interaction.ts';
import type { Deferral } from './render.ts';
import { whisper } from './reply.ts';
import { appLocaleOf, DISCORD_STYLE, discordSay } from './style.ts';

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

export const UNKNOWN_COMMAND =
  'I do not know that command. Try `/quiz`, `/stats`, `/settings`, `/deck list`, `/leaderboard` or `/daily`.';
/** A button or form of an older Mnemo: the person is told, in their app's language, how to go on. */
export function unknownButton(interaction: InteractionBase): Outcome {
  const quiz = DISCORD_STYLE.code(DISCORD_STYLE.quizCommand);
  return answer(whisper(discordSay(appLocaleOf(interaction))('UNKNOWN_BUTTON', { quiz })));
}

/** Which handler takes an interaction. */
export function routeOf(interaction: ActiveInteraction, context: HandlerContext): Route {
  switch (interaction.type) {
    case 'command':
      return commandRoute(interaction, context);
    case 'autocomplete':
      return {
        name: `autocomplete:${interaction.command}.${interaction.focused.name}`,
        deferral: null,
        once: false,
        run: () => autocomplete(interaction, context),
      };
    case 'button':
      return buttonRoute(interaction, context);
    case 'modal':
      return modalRoute(interaction, context);
  }
}

const COMMANDS: Record<
  string,
  { run: (i: CommandInteraction, c: HandlerContext) => Promise<Outcome>; deferral: Deferral }
> = {
  quiz: { run: quizCommand, deferral: 'ephemeral' },
  stats: { run: communityCommand, deferral: 'ephemeral' },
  settings: { run: communityCommand, deferral: 'ephemeral' },
  daily: { run: communityCommand, deferral: 'ephemeral' },
  leaderboard: { run: communityCommand, deferral: 'public' },
  deck: { run: communityCommand, deferral: 'ephemeral' },
  privacy: { run: privacyCommand, deferral: 'ephemeral' },
};

function commandRoute(interaction: CommandInteraction, context: HandlerContext): Route {
  const name = `/${[interaction.command, interaction.subcommand].filter(Boolean).join(' ')}`;
  const command = Object.hasOwn(COMMANDS, interaction.command) ? COMMANDS[interaction.command] : undefined;
  if (!command)
    return { name, deferral: null, once: false, run: async () => answer(whisper(UNKNOWN_COMMAND)) };
  const tooLong = tooLongOption(interaction.options);
  if (tooLong !== null)
    return { name, deferral: null, once: false, run: async () => answer(whisper(tooLong)) };
  if (interaction.command === 'deck' && DECK_FILE_SUBCOMMANDS.has(interaction.subcommand ?? '')) {
    const action = deckFileActionOf(interaction);
    return {
      name,
      deferral: 'ephemeral',
      // An import downloads and reads a file: the person sees each step instead of waiting blind.
      deferAtOnce: action.kind === 'deckImport',
      once: true,
      run: () => deckFilesAnswer(interaction, action, context),
    };
  }
  // A card shown counts once by its prompt, made from the interaction's id (Quiz.nextForRequest); practice claims.
  const once = interaction.command !== 'quiz' || interaction.options.practice === true;
  return { name, deferral: command.deferral, once, run: () => command.run(interaction, context) };
}

function buttonRoute(interaction: ButtonInteraction, context: HandlerContext): Route {
  const decoded = decodeCustomId(interaction.customId);
  const action = decoded?.action;
  const route = (
    deferral: Deferral | null,
    run: () => Promise<Outcome> | Outcome,
    once = deferral !== null,
  ): Route => ({
    name: `button:${action?.kind ?? 'unknown'}`,
    deferral,
    once,
    run: async () => run(),
  });
  if (!decoded || !action) return route(null, () => unknownButton(interaction));
  const chat = () => runChat(interaction, decoded, context);
  // An answer counts once by its prompt, and tells a redelivery apart itself (src/chat/flows.ts).
  const NO_CLAIM = false;
  switch (action.kind) {
    case 'openAnswer':
    case 'dailyOpenAnswer':
      return route(null, chat);
    case 'dontKnow':
    case 'choose':
    case 'rate':
      return route('update', chat, NO_CLAIM);
    case 'next':
      return route('update', chat, NO_CLAIM); // as /quiz: one card per interaction, by its prompt
    case 'reveal':
    case 'dailyRate':
      return route('update', chat);
    case 'erase':
      // The result replaces the confirmation, so its button cannot be pressed twice.
      return route('update', () => privacyAnswer(interaction, action, context));
    case 'confirmImport':
    case 'cancelImport':
      // The outcome replaces the preview, so its buttons cannot be pressed twice.
      return route('update', () => deckFilesAnswer(interaction, action, context));
    case 'dispute':
    case 'showMore':
    case 'startReview':
    case 'dailyChoose':
    case 'dailyReveal':
    case 'practice':
    case 'suspend':
    case 'bury':
    case 'keepStudying':
    case 'showNote':
    case 'unsuspend':
      return route('ephemeral', chat);
    default:
      return route(null, () => unknownButton(interaction));
  }
}

function modalRoute(interaction: ModalInteraction, context: HandlerContext): Route {
  const decoded = decodeCustomId(interaction.customId);
  const name = `modal:${decoded?.action.kind ?? 'unknown'}`;
  if (decoded?.action.kind === 'typedAnswer') {
    return {
      name,
      // The verdict replaces the card the modal was opened from.
      deferral: interaction.message ? 'update' : 'ephemeral',
      once: false, // an answer counts once by its prompt (src/chat/flows.ts)
      run: () => runChat(interaction, decoded, context),
    };
  }
  if (decoded?.action.kind === 'dailyTypedAnswer') {
    return {
      name,
      deferral: 'ephemeral',
      once: true,
      run: () => runChat(interaction, decoded, context),
    };
  }
  return { name, deferral: null, once: false, run: async () => unknownButton(interaction) };
}
