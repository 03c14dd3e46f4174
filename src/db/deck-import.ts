import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Card, Deck } from '../core/deck/card.ts';
import type { ImportedDeck, ImportSummary } from '../core/deck/imported.ts';

export type { ImportSummary };

import { type DeckOwner, localId, ownedKey } from '../core/deck/owner.ts';
import type { Database } from './client.ts';
import { storeDeckMedia } from './deck-media.ts';
import {
  CARD_UPDATE,
  cardRow,
  DECK_UPDATE,
  deckHash,
  deckRow,
  IMPORTED_SOURCE,
  INSERT_BATCH,
  SYNC_LOCK,
} from './deck-sync.ts';
import { inJsonList, insertCards } from './json-rows.ts';
import { cards, decks, tenants } from './schema.ts';

export interface ImportOptions {
  /** The community the decks belong to; null: everyone's, as a `cards/` deck. */
  owner: DeckOwner;
  /** Work out the summary and write nothing. */
  dryRun: boolean;
  /** Let one import retire more than half of a deck's live cards (refused otherwise, as `cards sync`). */
  allowRetire?: boolean;
}

export type ImportOutcome =
  /** `rowsWritten`: rows written, or on a dry run the rows it would write. */
  | { ok: true; decks: ImportSummary[]; rowsWritten: number }
  /** Nothing was written; `message` says why, naming the deck. */
  | { ok: false; code: 'retire-limit' | 'not-owned' | 'duplicate-deck'; message: string };

interface StoredCard {
  id: string;
  deckId: string;
  hash: string;
  retiredAt: Date | null;
  owner: string | null;
}

/** Thrown inside the transaction to roll a dry run back: the summary is worked out by the same code. */
class DryRun extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

/**
 * Stores imported decks for `owner`, in one transaction. A card's identity is (owner, card id): re-importing
 * updates changed cards in place (every person's history stays), adds new ones, and retires those gone from
 * the deck; an unchanged re-import writes no row. Only this owner's decks of the same ids are touched.
 */
export async function importDeck(
  db: Database,
  imported: readonly ImportedDeck[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK})`);
      const outcome = await importInTransaction(tx as unknown as Database, imported, options);
      if (options.dryRun || !outcome.ok) throw new DryRun(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.outcome;
    throw error;
  }
}

async function importInTransaction(
  db: Database,
  imported: readonly ImportedDeck[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const { owner } = options;
  let rowsWritten = 0;
  if (owner !== null) {
    const [known] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, owner));
    if (!known) {
      if (!options.dryRun)
        await db.insert(tenants).values({ id: owner, platform: owner.slice(0, owner.indexOf(':')) });
      rowsWritten++;
    }
  }
  const deckKeys = imported.map((entry) => ownedKey(owner, entry.deck.id));
  const twice = deckKeys.find((key, index) => deckKeys.indexOf(key) !== index);
  if (twice !== undefined)
    return {
      ok: false,
      code: 'duplicate-deck',
      message: `deck ${localId(twice)}: the file holds two decks of that id; nothing was imported`,
    };
  const storedDecks = await db
    .select({
      id: decks.id,
      owner: decks.owner,
      hash: decks.contentHash,
      path: decks.sourcePath,
      retiredAt: decks.retiredAt,
    })
    .from(decks)
    .where(inArray(decks.id, deckKeys));
  for (const stored of storedDecks) {
    if (stored.owner !== owner || !stored.path.startsWith(IMPORTED_SOURCE))
      return {
        ok: false,
        code: 'not-owned',
        message: `deck ${localId(stored.id)}: a deck of that id exists and is not ${owner ?? "everyone's"} imported deck; nothing was imported`,
      };
  }
  const cardKeys = imported.flatMap((entry) => entry.deck.cards.map((card) => ownedKey(owner, card.id)));
  const rows: StoredCard[] = await db
    .select({
      id: cards.id,
      deckId: cards.deckId,
      hash: cards.contentHash,
      retiredAt: cards.retiredAt,
      owner: cards.owner,
    })
    .from(cards)
    .where(or(inArray(cards.deckId, deckKeys), inJsonList(cards.id, cardKeys)));
  // A card of these decks may come back by its id too: once each.
  const cardById = new Map(rows.map((card) => [card.id, card]));
  const storedCards = [...cardById.values()];
  const deckById = new Map(storedDecks.map((deck) => [deck.id, deck]));

  const summaries: ImportSummary[] = [];
  const fresh: CardInsert[] = [];
  const changed: CardInsert[] = [];
  const deckRows: DeckInsert[] = [];
  const present = new Set<string>();
  for (const [index, entry] of imported.entries()) {
    const key = deckKeys[index] as string;
    const skipped = [...entry.skipped];
    const summary: ImportSummary = {
      deck: { id: entry.deck.id, title: entry.deck.title },
      notes: entry.notes,
      cards: { added: 0, updated: 0, unchanged: 0, retired: 0 },
      kinds: { typed: 0, choice: 0, self: 0, cloze: 0 },
      media: { stored: 0, missing: entry.missingMedia.length },
      skipped,
    };
    const deck: Deck = { ...entry.deck, id: key };
    const hash = deckHash(deck);
    const storedDeck = deckById.get(key);
    const source = `${IMPORTED_SOURCE}${entry.deck.path}`;
    if (
      !storedDeck ||
      storedDeck.hash !== hash ||
      storedDeck.retiredAt !== null ||
      storedDeck.path !== source
    )
      deckRows.push(deckRow(deck, owner, source, hash));
    for (const card of entry.deck.cards) {
      const cardKey = ownedKey(owner, card.id);
      const stored = cardById.get(cardKey);
      if (stored && (stored.owner !== owner || !deckIsImported(stored.deckId, deckKeys, deckById))) {
        skipped.push({ item: `card ${card.id}`, reason: 'this id belongs to a card of another deck source' });
        continue;
      }
      if (present.has(cardKey)) {
        skipped.push({
          item: `card ${card.id}`,
          reason: 'an earlier deck of this file has a card of this id',
        });
        continue;
      }
      present.add(cardKey);
      const kind = card.kind as string;
      if (kind in summary.kinds) summary.kinds[kind as keyof ImportSummary['kinds']]++;
      const row = cardRow({ ...card, id: cardKey, deckId: key } satisfies Card, owner);
      if (!stored) {
        fresh.push(row);
        summary.cards.added++;
      } else if (stored.retiredAt !== null || stored.hash !== row.contentHash) {
        changed.push(row);
        summary.cards.updated++;
      } else {
        summary.cards.unchanged++;
      }
    }
    summaries.push(summary);
  }

  const gone = storedCards.filter(
    (card) => card.retiredAt === null && deckKeys.includes(card.deckId) && !present.has(card.id),
  );
  const live = storedCards.filter((card) => card.retiredAt === null && deckKeys.includes(card.deckId)).length;
  if (!options.allowRetire && gone.length * 2 > live)
    return {
      ok: false,
      code: 'retire-limit',
      message: `this import would retire ${gone.length} of the ${live} stored cards of its decks, more than half: nothing was changed (allow it with --allow-retire)`,
    };
  for (const card of gone) {
    const summary = summaries[deckKeys.indexOf(card.deckId)];
    if (summary) summary.cards.retired++;
  }

  rowsWritten += deckRows.length + fresh.length + changed.length + gone.length;
  // A dry run counts what it would write and writes nothing: a preview costs reads only.
  if (!options.dryRun) await writeCards(db, deckRows, fresh, changed, gone);
  const stored = await storeDeckMedia(
    db,
    imported.map((entry, index) => ({ deckId: deckKeys[index] as string, media: entry.media })),
    { dryRun: options.dryRun },
  );
  for (const [index, summary] of summaries.entries()) {
    const result = stored.decks[index];
    if (!result) continue;
    summary.media.stored += result.stored;
    summary.media.missing += result.rejected.length;
    summary.skipped.push(...result.rejected);
  }
  rowsWritten += stored.written;
  return { ok: true, decks: summaries, rowsWritten };
}

type DeckInsert = typeof decks.$inferInsert;
type CardInsert = typeof cards.$inferInsert;

/** Writes the decks that changed, then the cards: new ones, changed ones, and those gone retired. */
async function writeCards(
  db: Database,
  deckRows: readonly DeckInsert[],
  fresh: readonly CardInsert[],
  changed: readonly CardInsert[],
  gone: readonly StoredCard[],
): Promise<void> {
  if (deckRows.length > 0)
    await db
      .insert(decks)
      .values([...deckRows])
      .onConflictDoUpdate({ target: decks.id, set: DECK_UPDATE });
  await insertCards(db, fresh);
  for (let i = 0; i < changed.length; i += INSERT_BATCH) {
    await db
      .insert(cards)
      .values(changed.slice(i, i + INSERT_BATCH))
      .onConflictDoUpdate({ target: cards.id, set: CARD_UPDATE });
  }
  const goneIds = gone.map((card) => card.id);
  for (let i = 0; i < goneIds.length; i += INSERT_BATCH) {
    await db
      .update(cards)
      .set({ retiredAt: sql`now()` })
      .where(and(inArray(cards.id, goneIds.slice(i, i + INSERT_BATCH)), isNull(cards.retiredAt)));
  }
}

function deckIsImported(
  deckId: string,
  importing: readonly string[],
  stored: ReadonlyMap<string, { path: string }>,
): boolean {
  return importing.includes(deckId) || (stored.get(deckId)?.path.startsWith(IMPORTED_SOURCE) ?? false);
}
