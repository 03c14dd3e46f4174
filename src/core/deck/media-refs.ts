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
  const refs: MediaRef[] = [];
  for (const text of [card.question, card.answer, card.note ?? '', ...card.options, ...card.accept]) {
    for (const match of text.matchAll(IMAGE))
      refs.push({ name: match[2] as string, alt: (match[1] as string).trim() });
    for (const match of text.matchAll(SOUND)) refs.push({ name: (match[1] as string).trim(), alt: null });
  }
  return refs;
}
