import type { LeaderboardPeriod } from '../../../core/community/ports.ts';
import { placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { announce } from '../reply.ts';
import { leaderboardText } from '../views/leaderboard.ts';
import { answer, type HandlerContext, needsServer, type Outcome } from './context.ts';

const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/** `/leaderboard [period]`: this server's members, from this server's review log only. */
export async function leaderboardCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeOf(interaction);
  if (!place) return needsServer();
  const period = PERIODS.find((name) => name === interaction.options.period) ?? 'week';
  return answer(announce(leaderboardText(await context.community.leaderboard(place, period), period)));
}
