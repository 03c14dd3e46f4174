import type { DailyRefusal } from '../../../core/community/community.ts';
import type { ChannelDaily } from '../../../core/community/ports.ts';
import { escapeText } from '../text.ts';

/** A channel mention: it renders as the channel's name and pings no one. */
export function channelMention(channelId: string): string {
  return /^\d+$/.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}

function deckWords(deckId: string | null): string {
  return deckId === null ? 'every deck' : `deck \`${deckId}\``;
}

export function dailySetText(daily: ChannelDaily): string {
  return `📅 ${channelMention(daily.channelId)} gets a question of the day at **${daily.localTime}** (${daily.timeZone}), from ${deckWords(daily.deckId)}.`;
}

export function dailyStoppedText(channelId: string, stopped: boolean): string {
  return stopped
    ? `Stopped the question of the day in ${channelMention(channelId)}.`
    : `${channelMention(channelId)} had no question of the day.`;
}

export function dailyListText(dailies: ChannelDaily[]): string {
  if (dailies.length === 0) {
    return 'No channel in this server has a question of the day. Start one with `/daily set`.';
  }
  return [
    '📅 **Questions of the day in this server**',
    ...dailies.map(
      (daily) =>
        `• ${channelMention(daily.channelId)} at **${daily.localTime}** (${daily.timeZone}), ${deckWords(daily.deckId)}`,
    ),
  ].join('\n');
}

export const MANAGE_SERVER_ONLY =
  'Only members with the **Manage Server** permission can manage the question of the day.';

export function dailyRefusalText(refusal: DailyRefusal): string {
  switch (refusal.code) {
    case 'NOT_ALLOWED':
      return MANAGE_SERVER_ONLY;
    case 'BAD_TIME':
      return `“${escapeText(refusal.value)}” is not a time of day: use HH:MM, such as 09:30.`;
    case 'BAD_TIME_ZONE':
      return `“${escapeText(refusal.value)}” is not a time zone: pick one from the list, such as Europe/Berlin.`;
    case 'UNKNOWN_DECK':
      return `There is no deck “${escapeText(refusal.value)}”: \`/deck list\` shows them.`;
  }
}
