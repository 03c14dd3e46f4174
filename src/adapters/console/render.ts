import { type Style, verdictNotices, wordsOf } from '../../chat/messages.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Card } from '../../core/deck/card.ts';
import { RATING_NAMES } from '../../core/rating.ts';
import { describeWhen } from '../../core/scheduling/day.ts';

/** Plain text: no markup, nothing to escape. */
export const CONSOLE_STYLE: Style = {
  bold: (t) => t,
  code: (t) => t,
  text: (t) => t,
  quizCommand: '/skip',
  quizDeckCommand: (deckId) => `mnemo quiz --deck ${deckId}`,
  decksCommand: 'mnemo decks',
  deckInfoCommand: null,
  place: 'place',
  dailySetCommand: 'mnemo',
  admins: 'admins.console',
  dailySetHint: null,
  // The console has no daily command (never shown there); /settings lists the suspended cards.
  settingsCommand: '/settings',
  settingOption: () => null,
  channel: (channelId) => `#${channelId}`,
  fact: (label, value) => `${label}: ${value}`,
  aside: (t) => t,
  codeBlock: (t) => t,
  member: (row) => row.displayName ?? row.externalId,
};

const HINTS = {
  choice: 'Answer with the option number.',
  self: 'Think of your answer, then type /reveal.',
  typed: 'Type your answer (/reveal if you do not know).',
  cloze: 'Type what fills the blank (/reveal if you do not know).',
} as const satisfies Record<Card['kind'], string>;

const VERDICTS = {
  correct: '✓ Correct.',
  close: '≈ Close enough: accepted, rated Hard.',
  wrong: '✗ Not quite.',
  self: 'Noted.',
} as const;

/** Pure: a neutral reply as the console's lines, then a line per attached file (a terminal shows no picture). */
export function renderReply(reply: Reply): string {
  const files = reply.attachments.map((file) => `[picture: ${file.name} — ${file.description}]`);
  return [bodyText(reply), ...files].join('\n');
}

/** The buttons become the commands that do the same. */
function bodyText(reply: Reply): string {
  const { body } = reply;
  switch (body.kind) {
    case 'question': {
      const { card } = body;
      const lines = ['', `[${card.deckId}]${body.isNew ? ' (new)' : ''} ${card.question}`];
      if (card.kind === 'choice') lines.push(...card.options.map((option, i) => `  ${i + 1}. ${option}`));
      lines.push(HINTS[card.kind]);
      return lines.join('\n');
    }
    case 'reveal':
      return [...answerLines(body.card), 'How well did you know it? 1 Again, 2 Hard, 3 Good, 4 Easy'].join(
        '\n',
      );
    case 'verdict': {
      const { result } = body;
      const lines = [
        result.repeated ? wordsOf({ code: 'ALREADY_ANSWERED' }, CONSOLE_STYLE) : VERDICTS[result.verdict],
      ];
      lines.push(...answerLines(result.card));
      lines.push(`Rated ${RATING_NAMES[result.rating]}; back ${describeWhen(result.due, result.now)}.`);
      lines.push(...verdictNotices(result, CONSOLE_STYLE, 'en'));
      if (reply.buttons.some((b) => b.action.kind === 'dispute'))
        lines.push('Type /right if you think you were right.');
      return lines.join('\n');
    }
    case 'fullAnswer':
    case 'answerForm':
      return [body.card.question, ...answerLines(body.card)].join('\n');
    case 'message': {
      const words = wordsOf(body.message, CONSOLE_STYLE);
      return body.message.code === 'NOTHING_DUE' ? `\n${words} /stats, or /quit.` : words;
    }
  }
}

function answerLines(card: Card): string[] {
  return [`Answer: ${card.answer}`, ...(card.note ? [`Note: ${card.note}`] : [])];
}

export const HELP = [
  'Commands: /reveal (show the answer), /skip, /right (I was right), /stats, /reschedule, /help, /quit.',
  'Study: /suspend or /bury the card last answered (a leech: /keep studying it, /note), /practice [deck] [#tag], /settings lists suspended cards, /unsuspend <card id>.',
  'Typed cards: type the answer. Multiple choice: the option number. Self-graded: /reveal, then 1-4.',
].join('\n');
