import { type Card, isTypedKind } from '../core/deck/card.ts';
import type { DailyQuestionState } from '../core/delivery/ports.ts';
import { describeWhen } from '../core/scheduling/day.ts';
import type { Verdict } from '../core/verdict.ts';
import { dailyStatus } from './daily-question.ts';
import type { Locale } from './i18n/locale.ts';
import { answerLines, type Say, type Style, sayer, verdictNotices, wordsOf } from './messages.ts';
import type { Body } from './reply.ts';
import { clip } from './text-cut.ts';

/**
 * A reply's body as the text of one message, in a platform's Style: what a platform that shows a card as
 * one block of marked-up text (Discord) writes, the same facts in the same order wherever it is used.
 */

const QUESTION_EXCERPT = 300; // characters: in a verdict, the answer is what matters
const VERDICT_MARKS = { correct: '✅', close: '🟡', wrong: '❌', self: '📝' } as const satisfies Record<
  Verdict,
  string
>;

/** The text of every body but the answer form; `within`: how much of a card a full answer shows. */
export function bodyText(
  body: Exclude<Body, { kind: 'answerForm' }>,
  style: Style,
  locale: Locale,
  within: number,
): string {
  const say = sayer(style, locale);
  switch (body.kind) {
    case 'question':
      return [
        heading(say('card.question'), body.card, body.isNew, style, say),
        questionText(body.card, style),
        style.aside(say(`card.hint.${body.card.kind}`)),
      ].join('\n');
    case 'reveal':
      return [
        heading(say(body.daily ? 'daily.title' : 'card.question'), body.card, false, style, say),
        style.card(body.card.question),
        '',
        ...answerLines(body.card, style, locale),
        '',
        say('card.howWell'),
      ].join('\n');
    case 'verdict':
      return verdictText(body.result, style, locale);
    case 'fullAnswer':
      return [
        `${style.bold(`${say('card.question')}:`)} ${style.card(body.card.question, within)}`,
        ...answerLines(body.card, style, locale, within),
      ].join('\n');
    case 'message':
      return wordsOf(body.message, style, locale);
  }
}

/** The card's heading: its title (a question, the question of the day), its deck, and whether it is new. */
function heading(title: string, card: Card, isNew: boolean, style: Style, say: Say): string {
  return [style.bold(title), style.code(card.deckId), ...(isNew ? [say('card.new')] : [])].join(' · ');
}

/** The question and, for multiple choice, the numbered options (button labels may be cut). */
export function questionText(card: Card, style: Style): string {
  const lines = [style.card(card.question)];
  if (card.kind === 'choice') {
    lines.push('', ...card.options.map((option, i) => `${style.bold(`${i + 1}.`)} ${style.card(option)}`));
  }
  return lines.join('\n');
}

/** After an answer: the verdict, what was given, the right answer and when the card comes back. */
function verdictText(outcome: Extract<Body, { kind: 'verdict' }>['result'], style: Style, locale: Locale) {
  const say = sayer(style, locale);
  const { card } = outcome;
  const lines: string[] = [];
  if (outcome.repeated) lines.push(`↩️ ${say('ALREADY_ANSWERED')}`);
  lines.push(`${VERDICT_MARKS[outcome.verdict]} ${say(`card.verdict.${outcome.verdict}`)}`);
  // The question on one line of small print: its inline code as code, never a block that would break the line.
  const excerpt = clip(card.question, QUESTION_EXCERPT);
  const shown = style.card(excerpt);
  lines.push(style.aside(shown.includes('\n') ? style.text(excerpt) : shown));
  if (isTypedKind(card.kind)) {
    const noAnswer = say('card.noAnswer');
    const given = outcome.given === '' ? (style.emphasis?.(noAnswer) ?? noAnswer) : style.text(outcome.given);
    lines.push(say('card.yourAnswer', { given }));
  }
  if (card.kind === 'choice') lines.push(say('card.youPicked', { given: style.text(outcome.given) }));
  lines.push(...answerLines(card, style, locale));
  const when = describeWhen(outcome.due, outcome.now, locale);
  lines.push(
    say('card.rated', { rating: say(`rating.${outcome.rating}`), when }),
    ...verdictNotices(outcome, style, locale),
  );
  return lines.join('\n');
}

/**
 * A channel's question of the day: its title, deck and question, the answer once the day is over, and the
 * small print with the count. Public, so written in the channel's language (`locale`), not a reader's.
 */
export function dailyQuestionText(
  card: Card,
  state: DailyQuestionState,
  style: Style,
  locale: Locale,
): string {
  const say = sayer(style, locale);
  const lines = [
    `📅 ${style.bold(say('daily.title'))} · ${style.code(card.deckId)}`,
    questionText(card, style),
  ];
  if (state.revealAnswer) lines.push('', ...answerLines(card, style, locale));
  lines.push(style.aside(dailyStatus(say, state)));
  return lines.join('\n');
}
