import type { LeaderboardPeriod, LeaderboardRow } from '../../../core/community/ports.ts';
import { escapeText } from '../text.ts';
import { count } from './view.ts';

const PERIOD_WORDS = {
  week: 'the last 7 days',
  month: 'the last 30 days',
  all: 'all time',
} as const satisfies Record<LeaderboardPeriod, string>;

const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * This server's members by reviews. A member shows as a mention, which renders as their name in this server
 * and pings no one (every message goes out with no allowed mentions).
 */
export function leaderboardText(rows: LeaderboardRow[], period: LeaderboardPeriod): string {
  if (rows.length === 0) {
    return `No reviews in this server over ${PERIOD_WORDS[period]} yet. Be the first: \`/quiz\`.`;
  }
  return [
    `🏆 **Leaderboard** · ${PERIOD_WORDS[period]}`,
    ...rows.map((row, i) => {
      const who = /^\d+$/.test(row.externalId)
        ? `<@${row.externalId}>`
        : escapeText(row.displayName ?? row.externalId);
      const accuracy = `${Math.round(row.accuracy * 100)}%`;
      const streak = row.streak > 0 ? ` · 🔥 ${row.streak}` : '';
      return `${MEDALS[i] ?? `**${i + 1}.**`} ${who}: ${count(row.reviews, 'review')} · ${accuracy} right${streak}`;
    }),
  ].join('\n');
}
