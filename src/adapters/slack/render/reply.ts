import { type Style, verdictNotices, wordsOf } from '../../../chat/messages.ts';
import type { Reply } from '../../../chat/reply.ts';
import { type Card, isTypedKind } from '../../../core/deck/card.ts';
import type { AnswerSuccess } from '../../../core/quiz/quiz.ts';
import { RATING_NAMES } from '../../../core/rating.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import { type Carried, slackButton } from '../actions.ts';
import { actions, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';

/** How the chat layer's message table is written in Slack's mrkdwn. */
export function slackStyle(command: string): Style {
  return {
    bold: (text) => `*${text}*`,
    code: (text) => `\`${text}\``,
    text: escapeText,
    quizCommand: `${command} quiz`,
    quizDeckCommand: (deckId) => `${command} quiz ${deckId}`,
    decksCommand: `${command} decks`,
    deckInfoCommand: null,
    placeWord: 'workspace',
    dailySetCommand: `${command} daily #channel 09:00`,
    admins: 'workspace admins and owners',
    settingsCommand: `${command} settings`,
    // Settings are changed in a form, not by options.
    settingOption: () => null,
    dailySetHint: `If Mnemo is not in that channel yet, invite it with \`/invite @Mnemo\`.`,
    channel: (channelId) => `<#${channelId}>`,
    fact: (label, value) => `*${label}:* ${value}`,
    aside: (text) => `_${text}_`,
    codeBlock: (text) => `\`\`\`${escapeText(text)}\`\`\``,
    // By display name, never as a mention.
    member: (row) => `*${escapeText(row.displayName ?? 'someone')}*`,
  };
}

/** Pure: a neutral reply as Block Kit. Every piece of card and user text is escaped. */
export function renderReply(reply: Reply, carried: Carried, style: Style): SlackMessage {
  const buttons = reply.buttons.filter((b) => !b.disabled).map((b) => slackButton(b, carried));
  const row = buttons.length > 0 ? [actions(buttons)] : [];
  const { body } = reply;
  switch (body.kind) {
    case 'question': {
      const { card } = body;
      const heading = `*${escapeText(card.deckId)}*${body.isNew ? ' · new' : ''}`;
      return {
        text: escapeText(card.question),
        blocks: [section(`${heading}\n${cardText(card.question)}`), ...row, context(HINTS[card.kind])],
      };
    }
    case 'reveal':
      return {
        text: escapeText(body.card.question),
        blocks: [
          cardSection(body.card),
          section(answerLines(body.card)),
          ...row,
          context('How well did you know it?'),
        ],
      };
    case 'verdict':
      return verdictMessage(body.result, style, row);
    case 'fullAnswer':
      return {
        text: escapeText(body.card.question),
        blocks: [cardSection(body.card), section(answerLines(body.card))],
      };
    case 'answerForm':
      return { text: escapeText(body.card.question), blocks: [cardSection(body.card)] };
    case 'message': {
      const text = wordsOf(body.message, style);
      return { text, blocks: [section(text), ...row] };
    }
  }
}

const HINTS = {
  choice: 'Pick one.',
  self: 'Think of your answer, then show it and rate yourself.',
  typed: 'Type your answer in the box that *Answer* opens.',
  cloze: 'Type what fills the blank in the box that *Answer* opens.',
} as const satisfies Record<Card['kind'], string>;

const VERDICTS = {
  correct: ':white_check_mark: *Correct.*',
  close: ':ok_hand: *Close enough*: accepted, rated Hard.',
  wrong: ':x: *Not quite.*',
  self: ':memo: *Noted.*',
} as const;

const PLAIN_VERDICTS = {
  correct: 'Correct.',
  close: 'Close enough.',
  wrong: 'Not quite.',
  self: 'Noted.',
} as const;

function verdictMessage(outcome: AnswerSuccess, style: Style, row: SlackMessage['blocks']): SlackMessage {
  const { card } = outcome;
  const lines = [outcome.repeated ? wordsOf({ code: 'ALREADY_ANSWERED' }, style) : VERDICTS[outcome.verdict]];
  if (isTypedKind(card.kind) && outcome.verdict !== 'correct' && outcome.given !== '') {
    lines.push(`You said: ${escapeText(outcome.given)}`);
  }
  lines.push(answerLines(card), ...verdictNotices(outcome, style));
  const back = `Rated ${RATING_NAMES[outcome.rating]} · back ${describeWhen(outcome.due, outcome.now)}.`;
  const plain = outcome.repeated ? 'Already answered.' : PLAIN_VERDICTS[outcome.verdict];
  return {
    text: `${plain} ${back}`,
    blocks: [cardSection(card), section(lines.join('\n')), context(back), ...row],
  };
}

function cardSection(card: Card) {
  return section(`*${escapeText(card.deckId)}*\n${cardText(card.question)}`);
}

/** The answer and note of a card. */
export function answerLines(card: Card): string {
  return [
    `*Answer:* ${cardText(card.answer)}`,
    ...(card.note ? [`_Note:_ ${cardText(card.note)}`] : []),
  ].join('\n');
}
