import { decodeAction } from './custom-id.ts';
import {
  choose,
  dispute,
  dontKnow,
  openAnswer,
  rate,
  reveal,
  showMore,
  typedAnswer,
} from './handlers/answers.ts';
import { autocomplete } from './handlers/autocomplete.ts';
import { answer, type HandlerContext, type Outcome } from './handlers/context.ts';
import { dailyCommand } from './handlers/daily.ts';
import {
  dailyChoose,
  dailyOpenAnswer,
  dailyRate,
  dailyReveal,
  dailyTypedAnswer,
} from './handlers/daily-question.ts';
import { deckCommand } from './handlers/decks.ts';
import { leaderboardCommand } from './handlers/leaderboard.ts';
import { tooLongOption } from './handlers/option-limits.ts';
import { nextCard, quizCommand, startReview } from './handlers/quiz.ts';
import { settingsCommand } from './handlers/settings.ts';
import { statsCommand } from './handlers/stats.ts';
import type {
  ActiveInteraction,
  ButtonInteraction,
  CommandInteraction,
  ModalInteraction,
} from './interaction.ts';
import type { Deferral } from './render.ts';
import { whisper } from './reply.ts';

/** One interaction's handling: its name for the log, how it is deferred when slow, and the work. */
export interface Route {
  name: string;
  /** Null: the answer cannot be deferred (a modal, autocomplete) and is quick. */
  deferral: Deferral | null;
  /** Changes state, so a second delivery of the same interaction must not run it again. */
  once: boolean;
  run: () => Promise<Outcome>;
}

export const UNKNOWN_COMMAND =
  'I do not know that command. Try `/quiz`, `/stats`, `/settings`, `/deck list`, `/leaderboard` or `/daily`.';
export const UNKNOWN_BUTTON = 'This button no longer works. Use `/quiz` to go on.';

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
  stats: { run: statsCommand, deferral: 'ephemeral' },
  settings: { run: settingsCommand, deferral: 'ephemeral' },
  daily: { run: dailyCommand, deferral: 'ephemeral' },
  leaderboard: { run: leaderboardCommand, deferral: 'public' },
  deck: { run: deckCommand, deferral: 'ephemeral' },
};

function commandRoute(interaction: CommandInteraction, context: HandlerContext): Route {
  const name = `/${[interaction.command, interaction.subcommand].filter(Boolean).join(' ')}`;
  const command = Object.hasOwn(COMMANDS, interaction.command) ? COMMANDS[interaction.command] : undefined;
  if (!command)
    return { name, deferral: null, once: false, run: async () => answer(whisper(UNKNOWN_COMMAND)) };
  const tooLong = tooLongOption(interaction.options);
  if (tooLong !== null)
    return { name, deferral: null, once: false, run: async () => answer(whisper(tooLong)) };
  return { name, deferral: command.deferral, once: true, run: () => command.run(interaction, context) };
}

function buttonRoute(interaction: ButtonInteraction, context: HandlerContext): Route {
  const action = decodeAction(interaction.customId);
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
  // An answer counts once by its prompt, and tells a redelivery apart itself (handlers/answers.ts).
  const NO_CLAIM = false;
  switch (action?.kind) {
    case 'openAnswer':
      return route(null, () => openAnswer(interaction, action.promptId, action.scope));
    case 'dontKnow':
      return route('update', () => dontKnow(interaction, action.promptId, action.scope, context), NO_CLAIM);
    case 'choose':
      return route(
        'update',
        () => choose(interaction, action.promptId, action.option, action.scope, context),
        NO_CLAIM,
      );
    case 'reveal':
      return route('update', () => reveal(interaction, action.promptId, action.scope, context));
    case 'rate':
      return route(
        'update',
        () => rate(interaction, action.promptId, action.rating, action.scope, context),
        NO_CLAIM,
      );
    case 'next':
      return route('update', () => nextCard(interaction, action.scope, context));
    case 'dispute':
      return route('ephemeral', () => dispute(interaction, action.reviewId, context));
    case 'showMore':
      return route('ephemeral', () => showMore(interaction, action.promptId, context));
    case 'startReview':
      return route('ephemeral', () => startReview(interaction, action.guildId, context));
    case 'dailyChoose':
      return route('ephemeral', () => dailyChoose(interaction, action, context));
    case 'dailyOpenAnswer':
      return route(null, () => dailyOpenAnswer(interaction, action));
    case 'dailyReveal':
      return route('ephemeral', () => dailyReveal(interaction, action, context));
    case 'dailyRate':
      return route('update', () => dailyRate(interaction, action, context));
    default:
      return route(null, () => answer(whisper(UNKNOWN_BUTTON)));
  }
}

function modalRoute(interaction: ModalInteraction, context: HandlerContext): Route {
  const action = decodeAction(interaction.customId);
  const name = `modal:${action?.kind ?? 'unknown'}`;
  if (action?.kind === 'typedAnswer') {
    return {
      name,
      // The verdict replaces the card the modal was opened from.
      deferral: interaction.message ? 'update' : 'ephemeral',
      once: false, // an answer counts once by its prompt (handlers/answers.ts)
      run: () => typedAnswer(interaction, action.promptId, action.scope, context),
    };
  }
  if (action?.kind === 'dailyTypedAnswer') {
    return {
      name,
      deferral: 'ephemeral',
      once: true,
      run: () => dailyTypedAnswer(interaction, action, context),
    };
  }
  return { name, deferral: null, once: false, run: async () => answer(whisper(UNKNOWN_BUTTON)) };
}
