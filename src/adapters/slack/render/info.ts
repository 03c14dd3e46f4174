import type {
  ChannelDaily,
  DeckSummary,
  LeaderboardPeriod,
  LeaderboardRow,
} from '../../../core/community/ports.ts';
import type { LearnerStats } from '../../../core/quiz/ports.ts';
import { escapeText, note, type SlackMessage, section } from './blocks.ts';

/** Pure: the replies to `stats`, `decks`, `leaderboard` and `help`. */

export function statsLines(stats: LearnerStats): string[] {
  const retention =
    stats.retention30d === null ? 'no reviews yet' : `${Math.round(stats.retention30d * 100)}%`;
  return [
    `*Due now:* ${stats.dueNow} · *today:* ${stats.dueToday} · *tomorrow:* ${stats.dueTomorrow} · *this week:* ${stats.dueThisWeek}`,
    `*Reviewed today:* ${stats.reviewedToday} · *all time:* ${stats.totalReviews}`,
    `*Retention (30 days):* ${retention}`,
    `*Streak:* ${stats.streak} day${stats.streak === 1 ? '' : 's'}`,
  ];
}

export function renderStats(stats: LearnerStats): SlackMessage {
  const lines = statsLines(stats);
  return {
    text: lines.join('\n').replaceAll('*', ''),
    blocks: [section(['*Your reviews*', ...lines].join('\n'))],
  };
}

export function renderDecks(decks: readonly DeckSummary[], command: string): SlackMessage {
  if (decks.length === 0) return note('No decks are loaded yet.');
  const lines = decks.map((deck) => {
    const about = deck.description ? `\n    ${escapeText(deck.description)}` : '';
    return `• *${escapeText(deck.title)}* (\`${escapeText(deck.id)}\`): ${deck.cards} card${deck.cards === 1 ? '' : 's'}${about}`;
  });
  const text = [`*Decks* (study one with \`${command} quiz <deck>\`)`, ...lines].join('\n');
  return { text: `${decks.length} decks`, blocks: [section(text)] };
}

const PERIOD_NAMES = {
  week: 'the last 7 days',
  month: 'the last 30 days',
  all: 'all time',
} as const satisfies Record<LeaderboardPeriod, string>;

/** People appear by their display name, never as a mention. */
export function renderLeaderboard(rows: readonly LeaderboardRow[], period: LeaderboardPeriod): SlackMessage {
  if (rows.length === 0) return note(`No reviews in this workspace over ${PERIOD_NAMES[period]} yet.`);
  const lines = rows.map((row, index) => {
    const name = escapeText(row.displayName ?? 'someone');
    const streak = row.streak > 0 ? ` · ${row.streak}-day streak` : '';
    return `${index + 1}. *${name}*: ${row.reviews} review${row.reviews === 1 ? '' : 's'} · ${Math.round(row.accuracy * 100)}% recalled${streak}`;
  });
  return {
    text: `Leaderboard, ${PERIOD_NAMES[period]}`,
    blocks: [section([`*Leaderboard* · ${PERIOD_NAMES[period]}`, ...lines].join('\n'))],
  };
}

export function renderDailies(dailies: readonly ChannelDaily[], command: string): SlackMessage {
  if (dailies.length === 0) {
    return note(`No channel has a question of the day. Start one with \`${command} daily #channel 09:00\`.`);
  }
  const lines = dailies.map(
    (daily) =>
      `• <#${daily.channelId}> at ${daily.localTime} ${escapeText(daily.timeZone)}${daily.deckId ? ` · deck \`${escapeText(daily.deckId)}\`` : ''}`,
  );
  return note(['*Questions of the day*', ...lines].join('\n'));
}

function helpText(command: string): string {
  const c = `\`${command}`;
  return [
    '*Mnemo* helps you remember what you learn, with spaced repetition. Your answers are only shown to you.',
    `• ${c} quiz [deck]\`: review the cards that are due`,
    `• ${c} stats\`: what is due, your streak and retention`,
    `• ${c} settings\`: retention, cards per day, time zone and reminders`,
    `• ${c} decks\`: the decks you can study`,
    `• ${c} leaderboard [week|month|all]\`: who reviewed most in this workspace`,
    `• ${c} daily #channel HH:MM [time zone] [deck]\`: post a question of the day in a channel (admins)`,
    `• ${c} daily off #channel\` and ${c} daily list\`: stop or list them (admins)`,
    `• ${c} help\`: this help`,
  ].join('\n');
}

export function renderHelp(command: string, prefix?: string): SlackMessage {
  const text = prefix ? `${prefix}\n\n${helpText(command)}` : helpText(command);
  return {
    text: `${prefix ?? ''} Commands: quiz, stats, settings, decks, leaderboard, daily, help`.trim(),
    blocks: [section(text)],
  };
}
