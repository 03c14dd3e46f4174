import { type SlackMessage, section } from './blocks.ts';

/** Pure: the reply to `help`. */

function helpText(command: string): string {
  const c = `\`${command}`;
  return [
    '*Mnemo* helps you remember what you learn, with spaced repetition. Your answers are only shown to you.',
    `• ${c} quiz [deck]\`: review the cards that are due`,
    `• ${c} stats\`: what is due, your streak and retention`,
    `• ${c} settings\`: retention, cards per day, time zone and reminders`,
    `• ${c} settings leaderboard off|on\`: hide you from leaderboards, or show you again`,
    `• ${c} settings reschedule\`: recompute your cards' due dates from your reviews, with your settings now`,
    `• ${c} privacy export\` and ${c} privacy delete\`: see everything Mnemo stores about you, or erase it`,
    `• ${c} decks\`: the decks you can study`,
    `• ${c} deck import\`, ${c} deck export <id> [md|csv|apkg]\`: bring this workspace's own deck, or take one (admins)`,
    `• ${c} deck hide <id>\` and ${c} deck show <id>\`: hide a bundled deck here, or show it again (admins)`,
    `• ${c} leaderboard [week|month|all]\`: who reviewed most in this workspace`,
    `• ${c} daily #channel HH:MM [time zone] [deck]\`: post a question of the day in a channel (admins)`,
    `• ${c} daily off #channel\` and ${c} daily list\`: stop or list them (admins)`,
    `• ${c} help\`: this help`,
  ].join('\n');
}

export function renderHelp(command: string, prefix?: string): SlackMessage {
  const text = prefix ? `${prefix}\n\n${helpText(command)}` : helpText(command);
  return {
    text: `${prefix ?? ''} Commands: quiz, stats, settings, decks, deck, leaderboard, daily, privacy, help`.trim(),
    blocks: [section(text)],
  };
}
