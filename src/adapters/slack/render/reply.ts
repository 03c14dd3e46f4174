import type { types } from '@slack/bolt';
import { type Carried, NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { START_REVIEW } from '../../../chat/flows.ts';
import { CATALOGS } from '../../../chat/i18n/catalog.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import {
  answerLines,
  type Say,
  type StatsFigures,
  type Style,
  sayer,
  verdictNotices,
  wordsOf,
} from '../../../chat/messages.ts';
import type { Reply } from '../../../chat/reply.ts';
import { type Card, isTypedKind } from '../../../core/deck/card.ts';
import type { AnswerSuccess } from '../../../core/quiz/quiz.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import type { Verdict } from '../../../core/verdict.ts';
import { slackButton } from '../actions.ts';
import { actions, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';

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

/** Pure: a neutral reply as Block Kit, in the reader's language. Every piece of card and user text is escaped. */
export function renderReply(
  reply: Reply,
  carried: Carried,
  style: Style,
  readerLocale: Locale,
): SlackMessage {
  const locale = reply.locale ?? readerLocale;
  const say = sayer(style, locale);
  const buttons = reply.buttons.filter((b) => !b.disabled).map((b) => slackButton(b, carried, locale));
  const row = buttons.length > 0 ? [actions(buttons)] : [];
  const { body } = reply;
  switch (body.kind) {
    case 'question': {
      const { card } = body;
      const heading = [`*${escapeText(card.deckId)}*`, ...(body.isNew ? [say('card.new')] : [])].join(' · ');
      return {
        text: escapeText(card.question),
        blocks: [
          section(`${heading}\n${cardText(card.question)}`),
          ...row,
          context(say(`card.hint.${card.kind}`)),
        ],
      };
    }
    case 'reveal':
      return {
        text: escapeText(body.card.question),
        blocks: [
          cardSection(body.card),
          section(answerText(body.card, style, locale)),
          ...row,
          context(say('card.howWell')),
        ],
      };
    case 'verdict':
      return verdictMessage(body.result, style, locale, row);
    case 'fullAnswer':
      return {
        text: escapeText(body.card.question),
        blocks: [cardSection(body.card), section(answerText(body.card, style, locale))],
      };
    case 'answerForm':
      return { text: escapeText(body.card.question), blocks: [cardSection(body.card)] };
    case 'message': {
      const text = wordsOf(body.message, style, locale);
      return { text, blocks: [section(text), ...row] };
    }
  }
}

const VERDICT_MARKS = {
  correct: ':white_check_mark:',
  close: ':ok_hand:',
  wrong: ':x:',
  self: ':memo:',
} as const satisfies Record<Verdict, string>;

function verdictMessage(
  outcome: AnswerSuccess,
  style: Style,
  locale: Locale,
  row: SlackMessage['blocks'],
): SlackMessage {
  const say = sayer(style, locale);
  const { card } = outcome;
  const verdict = say(`card.verdict.${outcome.verdict}`);
  const lines = [outcome.repeated ? say('ALREADY_ANSWERED') : `${VERDICT_MARKS[outcome.verdict]} ${verdict}`];
  if (isTypedKind(card.kind) && outcome.verdict !== 'correct' && outcome.given !== '') {
    lines.push(say('card.yourAnswer', { given: escapeText(outcome.given) }));
  }
  lines.push(answerText(card, style, locale), ...verdictNotices(outcome, style, locale));
  const when = describeWhen(outcome.due, outcome.now, locale);
  const back = say('card.rated', { rating: say(`rating.${outcome.rating}`), when });
  // The notification's text is plain: no bold marks.
  const plain = plainText(outcome.repeated ? say('ALREADY_ANSWERED') : verdict);
  return {
    text: `${plain} ${plainText(back)}`,
    blocks: [cardSection(card), section(lines.join('\n')), context(back), ...row],
  };
}

function plainText(mrkdwn: string): string {
  return mrkdwn.replaceAll('*', '');
}

function cardSection(card: Card) {
  return section(`*${escapeText(card.deckId)}*\n${cardText(card.question)}`);
}

/** The answer and note of a card, as one section's text. */
export function answerText(card: Card, style: Style, locale: Locale): string {
  return answerLines(card, style, locale).join('\n');
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
