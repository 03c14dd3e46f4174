import type { Locale } from '../../../chat/i18n/locale.ts';
import { answerLines, type Say } from '../../../chat/messages.ts';
import type { Card } from '../../../core/deck/card.ts';
import type { ModalReply } from '../reply.ts';
import { DISCORD_STYLE, discordSay } from '../style.ts';
import { cardText, MESSAGE_LIMIT } from '../text.ts';

/** The longest typed answer the modal accepts. */
export const ANSWER_MAX_LENGTH = 200; // characters

/** The card's heading: its title (a question, the question of the day), its deck, and whether it is new. */
function heading(title: string, card: Card, isNew: boolean, say: Say): string {
  const parts = [`**${title}**`, `\`${card.deckId}\``, ...(isNew ? [say('card.new')] : [])];
  return parts.join(' · ');
}

/** The question and, for multiple choice, the numbered options (button labels may be cut). */
export function questionText(card: Card): string {
  const lines = [cardText(card.question)];
  if (card.kind === 'choice') {
    lines.push('', ...card.options.map((option, i) => `**${i + 1}.** ${cardText(option)}`));
  }
  return lines.join('\n');
}

/** A card to answer, with the hint its kind needs. */
export function questionView(card: Card, isNew: boolean, say: Say): string {
  const hint = say(`card.hint.${card.kind}`);
  return [heading(say('card.question'), card, isNew, say), questionText(card), `-# ${hint}`].join('\n');
}

/** A self-graded card with its answer shown, asking for a rating. */
export function revealText(card: Card, daily: boolean, locale: Locale): string {
  const say = discordSay(locale);
  return [
    heading(say(daily ? 'daily.title' : 'card.question'), card, false, say),
    cardText(card.question),
    '',
    ...answerLines(card, DISCORD_STYLE, locale),
    '',
    say('card.howWell'),
  ].join('\n');
}

/** The modal a typed answer is given in. */
export function answerModal(customId: string, prompt: string, say: Say): ModalReply {
  return {
    kind: 'modal',
    customId,
    title: say('answerForm.title'),
    prompt,
    label: say('answerForm.label'),
    maxLength: ANSWER_MAX_LENGTH,
  };
}

/** "Show more" sends at most this many messages' worth of a card's text. */
export const SHOW_MORE_LIMIT = 10 * MESSAGE_LIMIT; // characters

/** The whole answer of a card, for "Show more". */
export function fullAnswerText(card: Card, locale: Locale): string {
  return [
    `**${discordSay(locale)('card.question')}:** ${cardText(card.question, SHOW_MORE_LIMIT)}`,
    ...answerLines(card, DISCORD_STYLE, locale, SHOW_MORE_LIMIT),
  ].join('\n');
}
