import type { types } from '@slack/bolt';
import { type Carried, NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { bodyText } from '../../../chat/card-text.ts';
import { START_REVIEW } from '../../../chat/flows.ts';
import { CATALOGS } from '../../../chat/i18n/catalog.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { type Say, type StatsFigures, type Style, sayer, wordsOf } from '../../../chat/messages.ts';
import type { Reply } from '../../../chat/reply.ts';
import { slackButton } from '../actions.ts';
import { actions, cardText, context, escapeText, type SlackMessage, section, sections } from './blocks.ts';

/** How the chat layer's message table is written in Slack's mrkdwn. */
export function slackStyle(command: string): Style {
  return {
    bold: (text) => `*${text}*`,
    code: (text) => `\`${text}\``,
    text: escapeText,
    card: (text) => cardText(text),
    quizCommand: `${command} quiz`,
    quizDeckCommand: (deckId) => `${command} quiz ${deckId}`,
    decksCommand: `${command} decks`,
    deckInfoCommand: null,
    place: 'workspace',
    dailySetCommand: `${command} daily #channel 09:00`,
    admins: 'admins.slack',
    settingsCommand: `${command} settings`,
    // Settings are changed in a form, not by options.
    settingOption: () => null,
    dailySetHint: 'dailySetHint.slack',
    channel: (channelId) => `<#${channelId}>`,
    fact: (label, value) => `*${label}:* ${value}`,
    aside: (text) => `_${text}_`,
    codeBlock: (text) => `\`\`\`${escapeText(text)}\`\`\``,
    // By display name, never as a mention.
    member: (row) => `*${escapeText(row.displayName ?? 'someone')}*`,
  };
}

/**
 * Pure: a neutral reply as Block Kit, in the reader's language: the same text as every platform writes
 * (src/chat/card-text.ts), in sections within Slack's limit, then its buttons. Every piece of card and user
 * text is escaped.
 */
export function renderReply(
  reply: Reply,
  carried: Carried,
  style: Style,
  readerLocale: Locale,
): SlackMessage {
  const locale = reply.locale ?? readerLocale;
  const buttons = reply.buttons.filter((b) => !b.disabled).map((b) => slackButton(b, carried, locale));
  const row = buttons.length > 0 ? [actions(buttons)] : [];
  const { body } = reply;
  if (body.kind === 'answerForm') {
    const heading = `*${escapeText(body.card.deckId)}*\n${cardText(body.card.question)}`;
    return { text: escapeText(body.card.question), blocks: [section(heading)] };
  }
  const text = bodyText(body, style, locale, Number.POSITIVE_INFINITY);
  // The notification's text is plain: the question, the verdict's first line, or the message.
  const plain =
    body.kind === 'verdict'
      ? (text.split('\n')[0] ?? '').replaceAll('*', '')
      : 'card' in body
        ? escapeText(body.card.question)
        : text;
  return { text: plain, blocks: [...sections(text), ...row] };
}

/** Pure: the App Home tab: due counts, streak, retention and "Start review", in the reader's language. */
export function renderHome(stats: StatsFigures, command: string, locale: Locale): types.HomeView {
  const style = slackStyle(command);
  const say = sayer(style, locale);
  const due = stats.dueNow > 0 ? say('home.due', { count: stats.dueNow }) : say('home.nothingDue');
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Mnemo' } },
      section(due),
      section(wordsOf({ code: 'STATS', stats }, style, locale)),
      actions([slackButton(START_REVIEW, NOTHING_CARRIED, locale)]),
      context(say('home.footer', { help: style.code(`${command} help`) })),
    ],
  };
}

/** The help's lines, in the catalog's order. */
const HELP = Object.keys(CATALOGS.en.slack.help) as (keyof typeof CATALOGS.en.slack.help)[];

/** Pure: the reply to `help` (after `prefix`, such as "I don't know `dance`."). */
export function renderHelp(command: string, say: Say, prefix?: string): SlackMessage {
  const help = [say('slack.intro'), ...HELP.map((key) => `• ${say(`slack.help.${key}`, { c: command })}`)];
  const text = [...(prefix ? [prefix, ''] : []), ...help].join('\n');
  return { text: `${prefix ?? ''} ${say('slack.summary')}`.trim(), blocks: [section(text)] };
}
