import type { Style } from '../../chat/messages.ts';
import { escapeText } from './text.ts';

/** How the chat layer's message table is written on Discord. */
export const DISCORD_STYLE: Style = {
  bold: (text) => `**${text}**`,
  code: (text) => `\`${text}\``,
  text: (text) => escapeText(text),
  quizCommand: '/quiz',
  quizDeckCommand: (deckId) => `/quiz deck:${deckId}`,
  decksCommand: '/deck list',
  deckInfoCommand: '/deck info',
  placeWord: 'server',
  dailySetCommand: '/daily set',
  admins: 'members with the **Manage Server** permission',
  dailySetHint: null,
  settingsCommand: '/settings',
  settingOption: (name, value) => `/settings ${name}:${value}`,
  channel: (channelId) => (/^\d+$/.test(channelId) ? `<#${channelId}>` : escapeText(channelId)),
  fact: (label, value) => `${label}: **${value}**`,
  aside: (text) => `-# ${text}`,
  codeBlock: (text) => `\`\`\`json\n${text}\n\`\`\``,
  // A mention renders as the member's name in this server and pings no one (no message allows mentions).
  member: (row) =>
    /^\d+$/.test(row.externalId) ? `<@${row.externalId}>` : escapeText(row.displayName ?? row.externalId),
};
