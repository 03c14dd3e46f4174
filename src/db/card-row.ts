import type { Card } from '../core/deck/card.ts';
import type { cards } from './schema.ts';

/** What a Card is made of: a hot path reads only these columns. */
export const CARD_FIELDS = [
  'id',
  'deckId',
  'kind',
  'question',
  'answer',
  'accept',
  'options',
  'correctOption',
  'note',
  'tags',
  'lang',
  'position',
  'sourceLine',
  'noteId',
] as const satisfies readonly (keyof typeof cards.$inferSelect)[];
export type CardRow = Pick<typeof cards.$inferSelect, (typeof CARD_FIELDS)[number]>;

export function toCard(row: CardRow): Card {
  return {
    id: row.id,
    deckId: row.deckId,
    kind: row.kind,
    question: row.question,
    answer: row.answer,
    accept: row.accept,
    options: row.options,
    correctOption: row.correctOption,
    note: row.note,
    tags: row.tags,
    lang: row.lang,
    position: row.position,
    line: row.sourceLine,
    ...(row.noteId === null ? {} : { noteId: row.noteId }),
  };
}
