import { chooseLocale, type Locale } from '../../chat/i18n/locale.ts';
import { type Say, type Style, sayer } from '../../chat/messages.ts';
import type { InteractionBase } from './interaction.ts';
import { cardText, escapeText } from './text.ts';

/** How the chat layer's message table is written on Discord. */
export const DISCORD_STYLE: Style = {
  bold: (text) => `**${text}**`,
  code: (text) => `\`${text}\``,
  text: (text) => escapeText(text),
  card: (text, within) => cardText(text, within),
  quizCommand: '/quiz',
  quizDeckCommand: (deckId) => `/quiz deck:${deckId}`,
  decksCommand: '/deck list',
  deckInfoCommand: '/deck info',
  place: 'server',
  dailySetCommand: '/daily set',
  admins: 'admins.discord',
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

/** The catalog in a language, written in Discord's markdown. */
export function discordSay(locale: Locale): Say {
  return sayer(DISCORD_STYLE, locale);
}

/** The language of the person's Discord app, without their settings (an apology, an unknown button). */
export function appLocaleOf(interaction: Pick<InteractionBase, 'locale'>): Locale {
  return chooseLocale(null, interaction.locale);
}
