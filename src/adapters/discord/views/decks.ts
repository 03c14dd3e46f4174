import type { DeckSummary } from '../../../core/community/ports.ts';
import { escapeText } from '../text.ts';
import { count } from './view.ts';

export function deckListText(decks: DeckSummary[]): string {
  if (decks.length === 0) return 'No decks are loaded yet.';
  return [
    '🗂️ **Decks**',
    ...decks.map((deck) => `• \`${deck.id}\`: ${escapeText(deck.title)} (${count(deck.cards, 'card')})`),
    '-# `/quiz deck:<id>` reviews one deck; `/deck info` tells more.',
  ].join('\n');
}

export function deckInfoText(deck: DeckSummary): string {
  const lines = [`🗂️ **${escapeText(deck.title)}** · \`${deck.id}\``];
  if (deck.description) lines.push(escapeText(deck.description));
  lines.push(`Cards: **${deck.cards}**`);
  if (deck.tags.length > 0) lines.push(`Tags: ${deck.tags.map((tag) => `\`${tag}\``).join(', ')}`);
  lines.push(`-# Review it with \`/quiz deck:${deck.id}\`.`);
  return lines.join('\n');
}

export function unknownDeckText(deckId: string): string {
  return `There is no deck “${escapeText(deckId)}”: \`/deck list\` shows them.`;
}
