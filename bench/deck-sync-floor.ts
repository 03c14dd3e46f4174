import { createHash } from 'node:crypto';
import type { Card, Deck } from '../src/core/deck/card.ts';
import type { RawSql } from '../src/db/raw-sql.ts';

const CARD_COLUMNS =
  'id, deck_id, kind, question, answer, accept, options, correct_option, note, tags, position, source_line, content_hash';
const CARD_RECORD = `id text, deck_id text, kind text, question text, answer text, accept jsonb, options jsonb,
  correct_option int, note text, tags jsonb, position int, source_line int, content_hash text`;

/**
 * The floor for deck sync: the same rows made to match the files with hand-written SQL: read the stored
 * hashes, then one INSERT … SELECT of the new and changed cards from one JSON parameter. Returns rows written.
 */
export async function floorSync(raw: RawSql, loaded: readonly Deck[]): Promise<number> {
  return raw.transaction(async (tx) => {
    const storedDecks = await tx.query<{ id: string; content_hash: string }>(
      'select id, content_hash from decks',
    );
    const stored = await tx.query<{ id: string; content_hash: string; retired: boolean }>(
      'select id, content_hash, retired_at is not null as retired from cards',
    );
    const deckHashes = new Map(storedDecks.map((deck) => [deck.id, deck.content_hash]));
    const cardHashes = new Map(stored.map((card) => [card.id, card]));
    let written = 0;
    for (const deck of loaded) {
      const hash = hashOf({ title: deck.title, description: deck.description, tags: deck.tags });
      if (deckHashes.get(deck.id) === hash) continue;
      await tx.query(
        `insert into decks (id, title, description, tags, source_path, content_hash)
         values ($1, $2, $3, $4::text::jsonb, $5, $6)
         on conflict (id) do update set title = excluded.title, description = excluded.description,
           tags = excluded.tags, source_path = excluded.source_path, content_hash = excluded.content_hash,
           retired_at = null, updated_at = now()`,
        [deck.id, deck.title, deck.description, JSON.stringify(deck.tags), deck.path, hash],
      );
      written++;
    }
    const changed = loaded
      .flatMap((deck) => deck.cards)
      .map(row)
      .filter((card) => {
        const before = cardHashes.get(card.id);
        return !before || before.retired || before.content_hash !== card.content_hash;
      });
    if (changed.length > 0) {
      await tx.query(
        `insert into cards (${CARD_COLUMNS})
         select ${CARD_COLUMNS} from jsonb_to_recordset($1::text::jsonb) as r(${CARD_RECORD})
         on conflict (id) do update set deck_id = excluded.deck_id, kind = excluded.kind,
           question = excluded.question, answer = excluded.answer, accept = excluded.accept,
           options = excluded.options, correct_option = excluded.correct_option, note = excluded.note,
           tags = excluded.tags, position = excluded.position, source_line = excluded.source_line,
           content_hash = excluded.content_hash, retired_at = null, updated_at = now()`,
        [JSON.stringify(changed)],
      );
      written += changed.length;
    }
    return written;
  });
}

function row(card: Card) {
  const fields = {
    id: card.id,
    deck_id: card.deckId,
    kind: card.kind,
    question: card.question,
    answer: card.answer,
    accept: card.accept,
    options: card.options,
    correct_option: card.correctOption,
    note: card.note,
    tags: card.tags,
    position: card.position,
    source_line: card.line,
  };
  return { ...fields, content_hash: hashOf(fields) };
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
