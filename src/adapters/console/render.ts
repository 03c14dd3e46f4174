import { answerLines, type Style, sayer, verdictNotices, wordsOf } from '../../chat/messages.ts';
import type { Reply } from '../../chat/reply.ts';
import { describeWhen } from '../../core/scheduling/day.ts';

/** Plain text: no markup, nothing to escape. */
export const CONSOLE_STYLE: Style = {
  bold: (t) => t,
  code: (t) => t,
  text: (t) => t,
  card: (t) => t,
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

/** The console writes English: it has no person's setting or app language to go by. */
export const say = sayer(CONSOLE_STYLE, 'en');

/** Pure: a neutral reply as the console's lines, then a line per attached file (a terminal shows no picture). */
export function renderReply(reply: Reply): string {
  const files = reply.attachments.map(({ name, description }) =>
    say('console.picture', { name, description }),
  );
  return [bodyText(reply), ...files].join('\n');
}

/** The buttons become the commands that do the same. */
function bodyText(reply: Reply): string {
  const { body } = reply;
  switch (body.kind) {
    case 'question': {
      const { card } = body;
      const lines = ['', `[${card.deckId}]${body.isNew ? ` ${say('console.new')}` : ''} ${card.question}`];
      if (card.kind === 'choice') lines.push(...card.options.map((option, i) => `  ${i + 1}. ${option}`));
      lines.push(say(`console.hint.${card.kind}`));
      return lines.join('\n');
    }
    case 'reveal':
      return [...answerLines(body.card, CONSOLE_STYLE, 'en'), say('console.howWell')].join('\n');
    case 'verdict': {
      const { result } = body;
      const lines = [
        result.repeated
          ? wordsOf({ code: 'ALREADY_ANSWERED' }, CONSOLE_STYLE)
          : say(`console.verdict.${result.verdict}`),
      ];
      lines.push(...answerLines(result.card, CONSOLE_STYLE, 'en'));
      const when = describeWhen(result.due, result.now);
      lines.push(say('console.rated', { rating: say(`rating.${result.rating}`), when }));
      lines.push(...verdictNotices(result, CONSOLE_STYLE, 'en'));
      if (reply.buttons.some((b) => b.action.kind === 'dispute')) lines.push(say('console.right'));
      return lines.join('\n');
    }
    case 'fullAnswer':
    case 'answerForm':
      return [body.card.question, ...answerLines(body.card, CONSOLE_STYLE, 'en')].join('\n');
    case 'message': {
      const words = wordsOf(body.message, CONSOLE_STYLE);
      return body.message.code === 'NOTHING_DUE' ? `\n${say('console.nothingDue', { words })}` : words;
    }
  }
}

export const HELP = (['commands', 'study', 'answers'] as const)
  .map((key) => say(`console.help.${key}`))
  .join('\n');
