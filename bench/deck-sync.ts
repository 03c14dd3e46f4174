import type { DeckSet } from '../src/core/deck/deck-set.ts';
import { combineDecks } from '../src/core/deck/deck-set.ts';
import { parseDeck } from '../src/core/deck/parse.ts';
import { syncDecks } from '../src/db/deck-sync.ts';
import type { RawSql } from '../src/db/raw-sql.ts';
import type { BenchDatabase } from './database.ts';
import { BENCH_DECK_PATH, deckText } from './deck.ts';
import { floorSync } from './deck-sync-floor.ts';
import { median, timed } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const FIRST_SYNC_REPEATS = 3;

interface Scenario {
  /** Database milliseconds of each repeat. */
  dbMs: number[];
  /** Rows the database shows as written by the last repeat. */
  rowsWritten: number;
}

interface Side {
  first: Scenario;
  unchanged: Scenario;
  edited: Scenario;
}

/**
 * A generated deck synced three ways: into an empty database, again with no change, and with 1 % of its
 * cards edited. Parse and validate are timed apart from the database. The floor runs first and is removed.
 */
export async function deckSyncSuite(db: BenchDatabase, sizes: Sizes, log: (line: string) => void) {
  const [stored] = await db.raw.query<{ n: number }>('select count(*)::int as n from cards');
  if ((stored?.n ?? 0) > 0) throw new Error('deck sync is measured first, on an empty database');
  const original = deckText(sizes.deckCards);
  const parseMs: number[] = [];
  const parse = (text: string): DeckSet => {
    const started = performance.now();
    const set = combineDecks([parseDeck(BENCH_DECK_PATH, text)]);
    parseMs.push(performance.now() - started);
    if (set.issues.length > 0) throw new Error(`the generated deck has issues: ${set.issues[0]?.message}`);
    return set;
  };
  const base = parse(original);
  const revisions = Array.from({ length: sizes.syncRepeats }, (_, i) =>
    parse(deckText(sizes.deckCards, i + 1)),
  );

  log(`deck sync: the floor, ${sizes.deckCards} cards`);
  const floor = await measure(db.raw, base, revisions, (set) => floorSync(db.raw, set.decks));
  await clear(db.raw);
  log(`deck sync: Mnemo, ${sizes.deckCards} cards`);
  const mnemoReported: number[] = [];
  const mnemo = await measure(db.raw, base, revisions, async (set) => {
    mnemoReported.push((await syncDecks(db.connection.db, set.decks, set.issues)).rowsWritten);
  });
  const reportedUnchanged = mnemoReported[FIRST_SYNC_REPEATS + sizes.syncRepeats - 1];
  if (reportedUnchanged !== mnemo.unchanged.rowsWritten) {
    log(
      `deck sync: syncDecks reported ${reportedUnchanged} rows written, the database shows ${mnemo.unchanged.rowsWritten}`,
    );
  }

  const parsed = median(parseMs);
  const vs = (floorSide: Scenario) => ({ baseline: median(floorSide.dbMs), better: 'lower' as const });
  return [
    result('deck_sync_parse_validate', parsed, 'ms'),
    result('deck_sync_first_db', median(mnemo.first.dbMs), 'ms', vs(floor.first)),
    result('deck_sync_first_total', parsed + median(mnemo.first.dbMs), 'ms'),
    result('deck_sync_unchanged_db', median(mnemo.unchanged.dbMs), 'ms', vs(floor.unchanged)),
    result('deck_sync_unchanged_total', parsed + median(mnemo.unchanged.dbMs), 'ms'),
    result('deck_sync_unchanged_rows_written', mnemo.unchanged.rowsWritten, 'rows', {
      baseline: floor.unchanged.rowsWritten,
      better: 'lower',
    }),
    result('deck_sync_edit_1pct_db', median(mnemo.edited.dbMs), 'ms', vs(floor.edited)),
    result('deck_sync_edit_1pct_rows_written', mnemo.edited.rowsWritten, 'rows'),
  ] satisfies Result[];
}

async function measure(
  raw: RawSql,
  base: DeckSet,
  revisions: readonly DeckSet[],
  sync: (set: DeckSet) => Promise<unknown>,
): Promise<Side> {
  const run = async (set: DeckSet, scenario: Scenario) => {
    const before = await currentXid(raw);
    scenario.dbMs.push((await timed(() => sync(set))).ms);
    scenario.rowsWritten = await rowsWrittenSince(raw, before);
  };
  const side: Side = {
    first: { dbMs: [], rowsWritten: 0 },
    unchanged: { dbMs: [], rowsWritten: 0 },
    edited: { dbMs: [], rowsWritten: 0 },
  };
  for (let i = 0; i < FIRST_SYNC_REPEATS; i++) {
    if (i > 0) await clear(raw);
    await run(base, side.first);
  }
  for (let i = 0; i < revisions.length; i++) await run(base, side.unchanged);
  // Each revision edits the same hundredth of the cards again: 1 % changed on every sync.
  for (const revision of revisions) await run(revision, side.edited);
  return side;
}

/** Deletes every deck and card, then vacuums, so the next side starts from the same empty tables. */
async function clear(raw: RawSql): Promise<void> {
  await raw.query('delete from cards');
  await raw.query('delete from decks');
  await raw.exec('vacuum analyze cards');
  await raw.exec('vacuum analyze decks');
}

/** The current transaction id (32 bits, as row versions carry it); taking it uses one up. */
async function currentXid(raw: RawSql): Promise<number> {
  const [row] = await raw.query<{ xid: string }>('select (txid_current() % 4294967296)::text as xid');
  return Number(row?.xid ?? 0);
}

/** Card and deck row versions written by transactions after `xid`: what a sync really wrote. */
async function rowsWrittenSince(raw: RawSql, xid: number): Promise<number> {
  const [row] = await raw.query<{ n: number }>(
    `select ((select count(*) from cards where xmin::text::bigint > $1::bigint)
           + (select count(*) from decks where xmin::text::bigint > $1::bigint))::int as n`,
    [xid],
  );
  return row?.n ?? 0;
}
