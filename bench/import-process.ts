/**
 * One import as a chat admin makes it, in a process of its own so its RSS is the import's: the file is
 * previewed (read, dry run, kept in pending_imports), confirmed (read again, stored), then imported again
 * unchanged. Prints one JSON line (ImportRun). Usage: tsx bench/import-process.ts <file> [postgres url]
 * Without a URL the database is PGlite in this process, in a temporary folder (its memory counts, as in the bot).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { PgCommunityStore } from '../src/db/community-store.ts';
import { PgPendingImportStore } from '../src/db/pending-import-store.ts';
import { DeckFiles } from '../src/import/deck-files.ts';
import { systemClock } from './clock.ts';
import type { ImportRun, ImportStage } from './import.ts';

const [file, url] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/import-process.ts <file> [postgres url]');

/** The tables an import stores into (pending_imports, the chat's waiting file, is the preview's, not the import's). */
const TABLES = ['decks', 'cards', 'media', 'deck_media'] as const;

const stages: ImportStage[] = [];
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 10);
const stage = (name: string) => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  peak = Math.max(peak, rss);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  stages.push({ name, rssMb: mb(rss), heapMb: mb(heapUsed), externalMb: mb(external + arrayBuffers) });
};

// On PGlite, as the bot opens it (a data folder, its cluster made by a child, small shared buffers): an
// in-memory PGlite makes its cluster in this process and holds about 800 MB before the import starts.
const dataDir = url ? null : await mkdtemp(join(tmpdir(), 'mnemo-import-pglite-'));
const connection = await openDatabase(
  dataDir === null ? { kind: 'postgres', url: url as string, poolSize: 4 } : { kind: 'pglite', dataDir },
);
try {
  const files = new DeckFiles({
    db: connection.db,
    pending: new PgPendingImportStore(connection.db),
    community: new PgCommunityStore(connection.db),
    clock: systemClock,
    newId: randomUUID,
    download: async () => ({ ok: true, bytes: await readFile(file) }),
  });
  const place = { tenantId: 'discord:1', platform: 'discord' };
  const person = { platform: 'discord', externalId: '1' };
  const source = { name: basename(file), url: 'https://example.invalid/file', size: null };
  stage('opened');
  const importOnce = async () => {
    const started = performance.now();
    const preview = await files.preview(place, person, source, null, async () => {});
    if (!preview.ok) throw new Error(`preview: ${preview.problems.join('; ')}`);
    stage('previewed');
    const previewMs = performance.now() - started;
    const confirmed = await files.confirm(place, person, preview.importId);
    if (!confirmed.ok) throw new Error(`confirm: ${confirmed.problems?.join('; ') ?? 'expired'}`);
    stage('confirmed');
    return { previewMs, totalMs: performance.now() - started, decks: confirmed.decks };
  };
  const first = await importOnce();
  const firstPeak = peak;
  const mark = await rowsMark(connection.raw);
  const again = await importOnce();
  const run: ImportRun = {
    firstMs: first.totalMs,
    firstPreviewMs: first.previewMs,
    firstPeakRssMb: firstPeak / 2 ** 20,
    againMs: again.totalMs,
    againPeakRssMb: peak / 2 ** 20,
    againRowsWritten: await rowsWrittenSince(connection.raw, mark),
    cards: first.decks.reduce((sum, deck) => sum + deck.cards.added, 0),
    mediaStored: first.decks.reduce((sum, deck) => sum + deck.media.stored, 0),
    stages,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
} finally {
  clearInterval(sampler);
  await connection.close();
  if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
}

type Raw = (typeof connection)['raw'];
interface RowsMark {
  xid: string;
  counts: number[];
}

async function rowsMark(raw: Raw): Promise<RowsMark> {
  const counts: number[] = [];
  for (const table of TABLES) {
    const [row] = await raw.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts.push(row?.n ?? 0);
  }
  const [row] = await raw.query<{ xid: string }>('select txid_current()::text as xid');
  return { xid: row?.xid ?? '0', counts };
}

/** Rows inserted or updated after the mark (their xmin is a later transaction), and rows deleted. */
async function rowsWrittenSince(raw: Raw, mark: RowsMark): Promise<number> {
  let written = 0;
  for (const [i, table] of TABLES.entries()) {
    const [row] = await raw.query<{ changed: number; n: number }>(
      `select count(*) filter (where xmin::text::bigint > $1::bigint)::int as changed, count(*)::int as n from ${table}`,
      [mark.xid],
    );
    written += (row?.changed ?? 0) + Math.max(0, (mark.counts[i] ?? 0) - (row?.n ?? 0));
  }
  return written;
}
