import type { CommandAction } from '../../../chat/action.ts';
import { runCommand } from '../../../chat/commands.ts';
import type { LeaderboardPeriod } from '../../../core/community/ports.ts';
import { NOTHING_CARRIED } from '../actions.ts';
import { renderReply } from '../chat.ts';
import { actorOf, placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { EVERY_DECK_CHOICE } from './autocomplete.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/**
 * `/stats`, `/deck list | info <deck>`, `/leaderboard [period]` and `/daily set | off | list`, decoded into the
 * chat layer's actions.
 */
export function commandActionOf(interaction: CommandInteraction): CommandAction {
  const { command, subcommand, options } = interaction;
  if (command === 'stats') return { kind: 'stats' };
  if (command === 'daily') {
    const channelId = String(options.channel ?? interaction.channelId ?? '');
    if (subcommand === 'off') return { kind: 'stopDaily', channelId };
    if (subcommand !== 'set') return { kind: 'listDailies' };
    const deck = String(options.deck ?? EVERY_DECK_CHOICE).trim();
    return {
      kind: 'setDaily',
      channelId,
      localTime: String(options.time ?? '').trim(),
      timeZone: String(options.timezone ?? '').trim(),
      deckId: deck === EVERY_DECK_CHOICE || deck === '' ? null : deck,
    };
  }
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
  // Manage Server is read from this interaction's member permissions: a server's admins can override
  // a command's default_member_permissions.
  const { isAdmin, ...person } = actorOf(interaction);
  const actor = { place: placeOf(interaction), person, isAdmin, request: interaction.id };
  const reply = await runCommand(context, commandActionOf(interaction), actor);
  return answer(renderReply(reply, NOTHING_CARRIED));
}
