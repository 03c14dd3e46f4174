import type { Style } from '../../chat/messages.ts';
import { escapeText } from './text.ts';

/** How the chat layer's message table is written on Discord. */
export const DISCORD_STYLE: Style = {
  bold: (text) => `**${text}**`,
  code: (text) => `\`${text}\``,
  text: (text) => escapeText(text),
  quizCommand: '/quiz',
};
