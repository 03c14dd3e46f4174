import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, notLike, sql } from 'drizzle-orm';
import type { Card, Deck, DeckIssue } from '../core/deck/card.ts';
import type { DeckFile } from '../core/deck/deck-file.ts';
import { combineDecks, type DeckSet } from '../core/deck/deck-set.ts';
import type { ImportedMedia } from '../core/deck/imported.ts';
import { DEFAULT_LANG } from '../core/deck/language-tag.ts';
import type { Database } from './client.ts';
import { storeDeckMedia } from './deck-media.ts';
import { excludedExcept } from './rows.ts';
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

export interface SyncOptions {
  /** Let one sync retire more than half of the live stored cards (`--allow-retire`). */
  allowRetire: boolean;
}

/** The decks as combined against what is stored, and what was written, or why nothing was. */
export type SyncOutcome =
  | { ok: true; set: DeckSet; report: SyncReport }
  | { ok: false; code: 'retire-limit'; set: DeckSet; retiring: number; live: number };

export const INSERT_BATCH = 500;
/**
 * Replicas starting together sync the same files: they take turns, or their inserts would collide. Imports
 * take the same lock.
 */
export const SYNC_LOCK = 727_274_002;
/** An imported deck's `source_path` starts so: `cards sync` never touches it, even when it is everyone's. */
export const IMPORTED_SOURCE = 'import:';
/** The decks `cards sync` manages: everyone's, read from `cards/`. */
const FROM_CARDS_FOLDER = and(isNull(decks.owner), notLike(decks.sourcePath, `${IMPORTED_SOURCE}%`));

/** What an upsert of a deck row rewrites: all it is made of, not its identity, owner or time of creation. */
export const DECK_UPDATE = {
  ...excludedExcept(decks, ['id', 'owner', 'retiredAt', 'updatedAt']),
  retiredAt: sql`null`,
  updatedAt: sql`now()`,
};

/** What an upsert of a card row rewrites: its history (states, reviews) stays. */
export const CARD_UPDATE = {
  ...excludedExcept(cards, ['id', 'owner', 'createdAt', 'retiredAt', 'updatedAt']),
  retiredAt: sql`null`,
  updatedAt: sql`now()`,
};

/**
 * Makes the stored decks match the files, in one transaction. Cards are matched by id, so edits keep their
 * history; a card gone from its file is retired, never deleted. Decks whose files have issues are left as stored.
 * A sync that would retire more than half of the live cards writes nothing unless `allowRetire` is set: that
 * is a wrong folder far more often than an intended clean-up.
 */
export async function syncDeckFiles(
  db: Database,
  files: readonly DeckFile[],
  options: SyncOptions,
): Promise<SyncOutcome> {
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
      .from(decks)
      .where(FROM_CARDS_FOLDER);
    // Everyone's cards: those of imported decks are not the files' to retire, but a file may take one over.
    const everyones = await tx
      .select({
        id: cards.id,
        deckId: cards.deckId,
        hash: cards.contentHash,
        retiredAt: cards.retiredAt,
        imported: sql<boolean>`${decks.sourcePath} like ${`${IMPORTED_SOURCE}%`}`,
      })
      .from(cards)
      .innerJoin(decks, eq(decks.id, cards.deckId))
      .where(isNull(cards.owner));
    const storedCards = everyones.filter((card) => !card.imported);
    const deckById = new Map(storedDecks.map((deck) => [deck.id, deck]));
    const cardById = new Map(storedCards.map((card) => [card.id, card]));
    const everyonesById = new Map(everyones.map((card) => [card.id, card]));

    /** Stored decks from these files, unless a deck of that id was read from another file. */
    const storedFrom = (sources: readonly string[], read: ReadonlySet<string>) =>
      new Set(
        storedDecks
          .filter((deck) => !read.has(deck.id) && sources.some((source) => sameSource(deck.path, source)))
          .map((deck) => deck.id),
      );

    // Combined here, under the lock: a card id in two files stays with the deck that holds it.
    const parsedDeckIds = new Set(files.flatMap((file) => (file.parsed.deck ? [file.parsed.deck.id] : [])));
    const unparsed = files.filter((file) => !file.parsed.deck).map((file) => file.source);
    const set = combineDecks(
      files.map((file) => file.parsed),
      { deckOf: (cardId) => cardById.get(cardId)?.deckId, heldDecks: storedFrom(unparsed, parsedDeckIds) },
    );
    const loaded = set.decks;
    const sourceOf = new Map<Deck, string>();
    for (const file of files) if (file.parsed.deck) sourceOf.set(file.parsed.deck, file.source);
    const loadedSources = new Set(loaded.map((deck) => sourceOf.get(deck)));
    const brokenSources = files.map((file) => file.source).filter((source) => !loadedSources.has(source));

    // What left the files, except where a file could not be read this time.
    const loadedDeckIds = new Set(loaded.map((deck) => deck.id));
    const present = new Set(loaded.flatMap((deck) => deck.cards.map((card) => card.id)));
    const keptDeckIds = storedFrom(brokenSources, loadedDeckIds);
    const goneCards = storedCards
      .filter((card) => card.retiredAt === null && !present.has(card.id) && !keptDeckIds.has(card.deckId))
      .map((card) => card.id);
    const goneDecks = storedDecks
      .filter((deck) => deck.retiredAt === null && !loadedDeckIds.has(deck.id) && !keptDeckIds.has(deck.id))
      .map((deck) => deck.id);
    const live = storedCards.filter((card) => card.retiredAt === null).length;
    if (!options.allowRetire && goneCards.length * 2 > live) {
      return { ok: false, code: 'retire-limit', set, retiring: goneCards.length, live };
    }

    // Decks first: cards reference them.
    const deckRows = loaded.map((deck) => ({
      deck,
      source: sourceOf.get(deck) ?? deck.path,
      hash: deckHash(deck),
    }));
    const changedDecks = deckRows.filter(({ deck, source, hash }) => {
      const stored = deckById.get(deck.id);
      return !stored || stored.hash !== hash || stored.retiredAt !== null || stored.path !== source;
    });
    if (changedDecks.length > 0) {
      await tx
        .insert(decks)
        .values(changedDecks.map(({ deck, source, hash }) => deckRow(deck, null, source, hash)))
        .onConflictDoUpdate({
          target: decks.id,
          set: DECK_UPDATE,
        });
      report.rowsWritten += changedDecks.length;
    }

    const fresh: (typeof cards.$inferInsert)[] = [];
    const changed: (typeof cards.$inferInsert)[] = [];
    for (const deck of loaded) {
      for (const card of deck.cards) {
        const row = cardRow(card, null);
        const stored = everyonesById.get(card.id);
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
          set: CARD_UPDATE,
        });
    }
    report.rowsWritten += fresh.length + changed.length;

    for (let i = 0; i < goneCards.length; i += INSERT_BATCH) {
      await tx
        .update(cards)
        .set({ retiredAt: sql`now()` })
        .where(and(inArray(cards.id, goneCards.slice(i, i + INSERT_BATCH)), isNull(cards.retiredAt)));
    }
    if (goneDecks.length > 0) {
      await tx.update(decks).set({ retiredAt: sql`now()` }).where(inArray(decks.id, goneDecks));
    }
    const mediaOf = new Map<Deck, ImportedMedia[]>();
    for (const file of files) if (file.parsed.deck && file.media) mediaOf.set(file.parsed.deck, file.media);
    const stored = await storeDeckMedia(
      tx as unknown as Database,
      loaded.map((deck) => ({ deckId: deck.id, media: mediaOf.get(deck) ?? [] })),
    );
    report.rowsWritten += stored.written;
    report.retired = goneCards.length;
    report.rowsWritten += goneCards.length + goneDecks.length;
    return { ok: true, set, report };
  });
}

/**
 * Syncs decks already read, retiring whatever left them (tests and benchmarks): each deck's path is its
 * source, and each issue's path a file that could not be loaded.
 */
export async function syncDecks(
  db: Database,
  loaded: readonly Deck[],
  issues: readonly DeckIssue[] = [],
): Promise<SyncReport> {
  const files: DeckFile[] = [
    ...loaded.map((deck) => ({ path: deck.path, source: deck.path, parsed: { deck, issues: [] } })),
    ...[...new Set(issues.map((issue) => issue.path))].map((path) => ({
      path,
      source: path,
      parsed: { deck: null, issues: [] },
    })),
  ];
  const outcome = await syncDeckFiles(db, files, { allowRetire: true });
  if (!outcome.ok) throw new Error('a sync that allows retiring was refused');
  return outcome.report;
}

/**
 * Whether a stored deck came from this file. Rows written before sources were relative to the cards folder
 * hold the path as it was spelled then (`cards/docker.md`): those match on the trailing part.
 */
function sameSource(stored: string, source: string): boolean {
  return stored === source || stored.endsWith(`/${source}`);
}

export function deckRow(
  deck: Deck,
  owner: string | null,
  source: string,
  hash: string,
): typeof decks.$inferInsert {
  return {
    id: deck.id,
    owner,
    title: deck.title,
    description: deck.description,
    tags: deck.tags,
    lang: deck.lang,
    sourcePath: source,
    contentHash: hash,
  };
}

/** The stored row of a card; its hash covers what a person sees, so an unchanged card is never rewritten. */
export function cardRow(card: Card, owner: string | null): typeof cards.$inferInsert {
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
    // Only when set: the hash of every card stored before notes existed stays the same.
    ...(card.noteId === undefined ? {} : { noteId: card.noteId }),
  };
  return { ...row, owner, lang: card.lang, contentHash: hashOf({ ...row, ...langOf(card) }) };
}

export function deckHash(deck: Deck): string {
  return hashOf({ title: deck.title, description: deck.description, tags: deck.tags, ...langOf(deck) });
}

/** Hashed only when not the default, so rows stored before decks had a language stay unchanged. */
function langOf(item: Card | Deck): { lang?: string } {
  return item.lang === DEFAULT_LANG ? {} : { lang: item.lang };
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
