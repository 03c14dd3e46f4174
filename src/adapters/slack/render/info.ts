import type { Say } from '../../../chat/messages.ts';
import { type SlackMessage, section } from './blocks.ts';

const HELP = [
  'quiz',
  'stats',
  'settings',
  'leaderboard',
  'reschedule',
  'privacy',
  'decks',
  'deckFiles',
  'deckVisibility',
  'ranking',
  'daily',
  'dailyOff',
  'help',
] as const;

/** Pure: the reply to `help` (after `prefix`, such as "I don't know `dance`."). */
export function renderHelp(command: string, say: Say, prefix?: string): SlackMessage {
  const help = [say('slack.intro'), ...HELP.map((key) => `• ${say(`slack.help.${key}`, { c: command })}`)];
  const text = [...(prefix ? [prefix, ''] : []), ...help].join('\n');
  return { text: `${prefix ?? ''} ${say('slack.summary')}`.trim(), blocks: [section(text)] };
}
