import { createHash } from 'node:crypto';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Card, Deck, DeckIssue } from '../core/deck/card.ts';
import type { Database } from './client.ts';
import { cards, decks } from './schema.ts';

export interface SyncReport {
  added: number;
  updated: number;
  /** Retired cards that came back to a file, with their history. */
  restored: number;
  retired: number;
  unchanged: number;
  /** Rows inserted or updated; 0 when nothing changed. */
  rowsWritten: number;
}

const INSERT_BATCH = 500;
/** Replicas starting together sync the same files: they take turns, or their inserts would collide. */
const SYNC_LOCK = 727_274_002;

/**
 * Makes the stored decks match the files, in one transaction. Cards are matched by id, so edits keep their
 * history; a card gone from its file is retired, never deleted. Decks whose files have issues are left as stored.
 */
export async function syncDecks(
  db: Database,
  loaded: readonly Deck[],
  issues: readonly DeckIssue[],
): Promise<SyncReport> {
  const brokenPaths = new Set(issues.map((issue) => issue.path));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK})`);
    const report: SyncReport = {
      added: 0,
      updated: 0,
      restored: 0,
      retired: 0,
      unchanged: 0,
      rowsWritten: 0,
    };
    const storedDecks = await tx
      .select({ id: decks.id, hash: decks.contentHash, path: decks.sourcePath, retiredAt: decks.retiredAt })
      .from(decks);
    const storedCards = await tx
      .select({ id: cards.id, deckId: cards.deckId, hash: cards.contentHash, retiredAt: cards.retiredAt })
      .from(cards);
    const deckById = new Map(storedDecks.map((deck) => [deck.id, deck]));
    const cardById = new Map(storedCards.map((card) => [card.id, card]));

    // Decks first: cards reference them.
    const deckRows = loaded.map((deck) => ({ deck, hash: deckHash(deck) }));
    const changedDecks = deckRows.filter(({ deck, hash }) => {
      const stored = deckById.get(deck.id);
      return !stored || stored.hash !== hash || stored.retiredAt !== null || stored.path !== deck.path;
    });
    if (changedDecks.length > 0) {
      await tx
        .insert(decks)
        .values(changedDecks.map(({ deck, hash }) => deckRow(deck, hash)))
        .onConflictDoUpdate({
          target: decks.id,
          set: {
            title: sql`excluded.title`,
            description: sql`excluded.description`,
            tags: sql`excluded.tags`,
            sourcePath: sql`excluded.source_path`,
            contentHash: sql`excluded.content_hash`,
            retiredAt: sql`null`,
            updatedAt: sql`now()`,
          },
        });
      report.rowsWritten += changedDecks.length;
    }

    const fresh: (typeof cards.$inferInsert)[] = [];
    const changed: (typeof cards.$inferInsert)[] = [];
    const present = new Set<string>();
    for (const deck of loaded) {
      for (const card of deck.cards) {
        present.add(card.id);
        const row = cardRow(card);
        const stored = cardById.get(card.id);
        if (!stored) {
          fresh.push(row);
          report.added++;
        } else if (stored.retiredAt !== null) {
          changed.push(row);
          report.restored++;
        } else if (stored.hash !== row.contentHash) {
          changed.push(row);
          report.updated++;
        } else {
          report.unchanged++;
        }
      }
    }
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
      await tx.insert(cards).values(fresh.slice(i, i + INSERT_BATCH));
    }
    for (let i = 0; i < changed.length; i += INSERT_BATCH) {
      await tx
        .insert(cards)
        .values(changed.slice(i, i + INSERT_BATCH))
        .onConflictDoUpdate({
          target: cards.id,
          set: {
            deckId: sql`excluded.deck_id`,
            kind: sql`excluded.kind`,
            question: sql`excluded.question`,
            answer: sql`excluded.answer`,
            accept: sql`excluded.accept`,
            options: sql`excluded.options`,
            correctOption: sql`excluded.correct_option`,
            note: sql`excluded.note`,
            tags: sql`excluded.tags`,
            position: sql`excluded.position`,
            sourceLine: sql`excluded.source_line`,
            contentHash: sql`excluded.content_hash`,
            retiredAt: sql`null`,
            updatedAt: sql`now()`,
          },
        });
    }
    report.rowsWritten += fresh.length + changed.length;

    // Retire what left the files, except where a file could not be read this time.
    const loadedDeckIds = new Set(loaded.map((deck) => deck.id));
    const keptDeckIds = new Set(
      storedDecks
        .filter((deck) => brokenPaths.has(deck.path) && !loadedDeckIds.has(deck.id))
        .map((deck) => deck.id),
    );
    const goneCards = storedCards
      .filter((card) => card.retiredAt === null && !present.has(card.id) && !keptDeckIds.has(card.deckId))
      .map((card) => card.id);
    const goneDecks = storedDecks
      .filter((deck) => deck.retiredAt === null && !loadedDeckIds.has(deck.id) && !keptDeckIds.has(deck.id))
      .map((deck) => deck.id);
    for (let i = 0; i < goneCards.length; i += INSERT_BATCH) {
      await tx
        .update(cards)
        .set({ retiredAt: sql`now()` })
        .where(and(inArray(cards.id, goneCards.slice(i, i + INSERT_BATCH)), isNull(cards.retiredAt)));
    }
    if (goneDecks.length > 0) {
      await tx.update(decks).set({ retiredAt: sql`now()` }).where(inArray(decks.id, goneDecks));
    }
    report.retired = goneCards.length;
    report.rowsWritten += goneCards.length + goneDecks.length;
    return report;
  });
}

function deckRow(deck: Deck, hash: string): typeof decks.$inferInsert {
  return {
    id: deck.id,
    title: deck.title,
    description: deck.description,
    tags: deck.tags,
    sourcePath: deck.path,
    contentHash: hash,
  };
}

function cardRow(card: Card): typeof cards.$inferInsert {
  const row = {
    id: card.id,
    deckId: card.deckId,
    kind: card.kind,
    question: card.question,
    answer: card.answer,
    accept: card.accept,
    options: card.options,
    correctOption: card.correctOption,
    note: card.note,
    tags: card.tags,
    position: card.position,
    sourceLine: card.line,
  };
  return { ...row, contentHash: hashOf(row) };
}

function deckHash(deck: Deck): string {
  return hashOf({ title: deck.title, description: deck.description, tags: deck.tags });
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
