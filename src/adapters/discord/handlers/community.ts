import type { CommandAction } from '../../../chat/action.ts';
import { runCommand } from '../../../chat/commands.ts';
import type { LeaderboardPeriod } from '../../../core/community/ports.ts';
import { NOTHING_CARRIED } from '../actions.ts';
import { renderReply } from '../chat.ts';
import { personOf, placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/** `/stats`, `/deck list`, `/deck info <deck>` and `/leaderboard [period]`, decoded into the chat layer's actions. */
export function commandActionOf(interaction: CommandInteraction): CommandAction {
  const { command, subcommand, options } = interaction;
  if (command === 'stats') return { kind: 'stats' };
  if (command === 'leaderboard') {
    return { kind: 'leaderboard', period: PERIODS.find((name) => name === options.period) ?? 'week' };
  }
  if (subcommand === 'info') return { kind: 'deckInfo', deckId: String(options.deck ?? '').trim() };
  return { kind: 'decks' };
}

/** A community command: decode, run the flow, render. */
export async function communityCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const actor = { place: placeOf(interaction), person: personOf(interaction), request: interaction.id };
  const reply = await runCommand(context, commandActionOf(interaction), actor);
  return answer(renderReply(reply, NOTHING_CARRIED));
}
