import type { Action } from '../../chat/action.ts';
import { DECK_FILE_SUBCOMMANDS, deckFileActionOf, tooLongOption } from '../../chat/command-options.ts';
import { decodeCustomId } from './actions.ts';
import {
  answer,
  autocomplete,
  communityCommand,
  deckFilesAnswer,
  type HandlerContext,
  type Outcome,
  privacyAnswer,
  privacyCommand,
  quizCommand,
  runChat,
} from './handlers.ts';
import type { ActiveInteraction, CommandInteraction, InteractionBase } from './interaction.ts';
import { appLocaleOf, type Deferral, DISCORD_STYLE, discordSay, whisper } from './render.ts';

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
function unknownButton(interaction: InteractionBase): Outcome {
  const quiz = DISCORD_STYLE.code(DISCORD_STYLE.quizCommand);
  return answer(whisper(discordSay(appLocaleOf(interaction))('UNKNOWN_BUTTON', { quiz })));
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

/**
 * How each button is deferred when slow, and whether it is claimed once per interaction. An answer
 * (dontKnow, choose, rate, typedAnswer) counts once by its prompt and tells a redelivery apart itself, as
 * "Next card" shows one card per interaction by its prompt's id
 * (src/chat/flows.ts); a replacing result (erase, an import's confirmation) cannot be pressed twice.
 */
const AT_ONCE = { deferral: null, once: false } as const;
const ANSWER = { deferral: 'update', once: false } as const;
const REPLACING = { deferral: 'update', once: true } as const;
const ASIDE = { deferral: 'ephemeral', once: true } as const;
const BUTTONS: Partial<Record<Action['kind'], { deferral: Deferral | null; once: boolean }>> = {
  openAnswer: AT_ONCE,
  dailyOpenAnswer: AT_ONCE,
  dontKnow: ANSWER,
  choose: ANSWER,
  rate: ANSWER,
  reveal: REPLACING,
  next: ANSWER, // as /quiz: one card per interaction, by its prompt (Quiz.nextForRequest)
  dailyRate: REPLACING,
  erase: REPLACING,
  confirmImport: REPLACING,
  cancelImport: REPLACING,
  dispute: ASIDE,
  showMore: ASIDE,
  startReview: ASIDE,
  dailyChoose: ASIDE,
  dailyReveal: ASIDE,
  practice: ASIDE,
  suspend: ASIDE,
  bury: ASIDE,
  keepStudying: ASIDE,
  showNote: ASIDE,
  unsuspend: ASIDE,
};

/** Which handler takes an interaction. */
export function routeOf(interaction: ActiveInteraction, context: HandlerContext): Route {
  const unknown = (name: string): Route => ({
    name,
    deferral: null,
    once: false,
    run: async () => unknownButton(interaction),
  });
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
    case 'button': {
      const decoded = decodeCustomId(interaction.customId);
      const action = decoded?.action;
      const route = action && BUTTONS[action.kind];
      if (!decoded || !action || !route) return unknown(`button:${action?.kind ?? 'unknown'}`);
      const run = (): Promise<Outcome> => {
        if (action.kind === 'erase') return privacyAnswer(interaction, action, context);
        if (action.kind === 'confirmImport' || action.kind === 'cancelImport')
          return deckFilesAnswer(interaction, action, context);
        return runChat(interaction, decoded, context);
      };
      return { name: `button:${action.kind}`, ...route, run };
    }
    case 'modal': {
      const decoded = decodeCustomId(interaction.customId);
      const name = `modal:${decoded?.action.kind ?? 'unknown'}`;
      const kind = decoded?.action.kind;
      if (!decoded || (kind !== 'typedAnswer' && kind !== 'dailyTypedAnswer')) return unknown(name);
      // A typed answer counts once by its prompt (src/chat/flows.ts); its verdict replaces the card the
      // modal was opened from. A daily answer is seen by the person alone.
      const daily = kind === 'dailyTypedAnswer';
      const deferral = !daily && interaction.message ? 'update' : 'ephemeral';
      return { name, deferral, once: daily, run: () => runChat(interaction, decoded, context) };
    }
  }
}

function commandRoute(interaction: CommandInteraction, context: HandlerContext): Route {
  const name = `/${[interaction.command, interaction.subcommand].filter(Boolean).join(' ')}`;
  const command = Object.hasOwn(COMMANDS, interaction.command) ? COMMANDS[interaction.command] : undefined;
  const refusal = command ? tooLongOption(interaction.options) : UNKNOWN_COMMAND;
  if (!command || refusal !== null)
    return { name, deferral: null, once: false, run: async () => answer(whisper(refusal ?? '')) };
  if (interaction.command === 'deck' && DECK_FILE_SUBCOMMANDS.has(interaction.subcommand ?? '')) {
    const action = deckFileActionOf(interaction, interaction.files[String(interaction.options.file ?? '')]);
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
