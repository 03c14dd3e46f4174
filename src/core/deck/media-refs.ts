import type { Card } from './card.ts';

/** A picture or sound a card's text refers to: `![alt](name)` or Anki's `[sound:name]`. */
export interface MediaRef {
  name: string;
  /** The picture's alt text; null for sound. */
  alt: string | null;
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)/g;
const SOUND = /\[sound:([^\]]+)\]/g;

/** Every media file a card refers to, in the order its fields hold them. */
export function mediaRefs(card: Card): MediaRef[] {
  return mediaRefsIn([card.question, card.answer, card.note ?? '', ...card.options, ...card.accept]);
}

/** Every media file these texts refer to, in order. */
export function mediaRefsIn(texts: readonly string[]): MediaRef[] {
  const refs: MediaRef[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(IMAGE))
      refs.push({ name: match[2] as string, alt: (match[1] as string).trim() });
    for (const match of text.matchAll(SOUND)) refs.push({ name: (match[1] as string).trim(), alt: null });
  }
  return refs;
}

/**
 * The texts of a card one side shows: the question side its question and options; the answer side (the
 * reveal, the verdict, the whole answer) the answer and note as well, since it replaces the question.
 */
export function cardTexts(card: Card, side: 'question' | 'answer'): string[] {
  const question = [card.question, ...card.options];
  return side === 'question' ? question : [...question, card.answer, card.note ?? ''];
}
