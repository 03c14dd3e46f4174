import { answerPathSuite } from './answer-path.ts';
import { dailyFanoutSuite } from './daily-fanout.ts';
import { type BenchDatabase, openBenchDatabase } from './database.ts';
import { deckSyncSuite } from './deck-sync.ts';
import { gradingSuite } from './grading.ts';
import { httpInteractionsSuite } from './http/suite.ts';
import { importSuite } from './import.ts';
import { mathSuite, mathTableSuite } from './math.ts';
import { memoryModelSuite } from './memory-model.ts';
import { parseOptions, type Sizes, type SuiteName, sizesFor, USAGE } from './options.ts';
import { picturesSuite } from './pictures.ts';
import { describeMachine, machine, markdownTable, type Result, table } from './report.ts';
import { checkTargets } from './targets.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if ('error' in options) {
    log(`${options.error}\n${USAGE}`);
    return 2;
  }
  const sizes: Sizes = {
    ...sizesFor(options.quick),
    ...(options.seconds === null
      ? {}
      : { httpOpenSeconds: options.seconds, httpClosedSeconds: options.seconds / 3 }),
  };
  const wanted = (suite: SuiteName) => options.only === null || options.only.has(suite);
  const started = performance.now();
  const results: Result[] = [];

  if (wanted('grade')) {
    log('grading: language loads, labelled answers, many-domain answers and a 10,000-character answer');
    results.push(...(await gradingSuite(sizes)));
  }
  if (wanted('math')) {
    log('maths: formulas rendered to PNG, then read from the cache');
    results.push(...(await mathSuite(sizes)));
  }
  if (wanted('pictures')) {
    log('pictures: the progress picture of a busy year and a 10-member leaderboard, SVG to PNG');
    results.push(...(await picturesSuite(sizes)));
  }
  const url = process.env.DATABASE_URL || undefined;
  log(url ? 'database: PostgreSQL (DATABASE_URL)' : 'database: PGlite in memory (DATABASE_URL is not set)');
  const db = await openBenchDatabase(url);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= closeQuietly(db);
    return closing;
  };
  let interrupted = false;
  const stop = () => {
    interrupted = true;
    log('interrupted: dropping what the benchmark created');
    void close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    log(db.where);
    // Deck sync first: it needs the empty tables, and leaves the generated deck for the answer path.
    if (wanted('deck_sync')) results.push(...(await deckSyncSuite(db, sizes, log)));
    if (wanted('daily_fanout')) results.push(...(await dailyFanoutSuite(db, sizes, log)));
    if (wanted('answer_path')) results.push(...(await answerPathSuite(db, sizes, log)));
    // Last on this database: it adds a community's decks, which the suites above do not expect.
    if (wanted('import')) results.push(...(await importSuite(db, sizes, log)));
    if (wanted('math')) results.push(...(await mathTableSuite(db, sizes)));
    if (wanted('memory_model')) results.push(...(await memoryModelSuite(db, sizes, log)));
    // A database of its own, and the bot in processes of their own: nothing of the suites above is shared.
    if (wanted('http_interactions')) {
      const { rate, profileDir } = options;
      results.push(...(await httpInteractionsSuite(url, sizes, options.quick, { rate, profileDir }, log)));
    }
  } catch (error) {
    // A query cut off by the interruption fails; the handler above exits once the database is dropped.
    if (interrupted) return 130;
    throw error;
  } finally {
    await close();
  }
  const seconds = (performance.now() - started) / 1_000;
  const host = machine(db.version);
  if (options.json) {
    const run = { database: db.kind, quick: options.quick, sizes, seconds: Number(seconds.toFixed(1)) };
    process.stdout.write(`${JSON.stringify({ results, machine: host, run }, null, 2)}\n`);
    return 0;
  }
  if (options.markdown) {
    const heading = `${db.version.split(' on ')[0]}; ${describeMachine(host)}${options.quick ? '; --quick' : ''}`;
    process.stdout.write(`${heading}\n\n${markdownTable(results)}\n`);
    return 0;
  }
  const lines = [
    `Mnemo benchmark${options.quick ? ' (--quick: small sizes, not for comparison)' : ''}`,
    `database: ${db.version}`,
    `          ${db.where}`,
    `machine:  ${describeMachine(host)}`,
    '',
    table(results),
    '',
    'ratio: Mnemo as a share of the floor (hand-written SQL in the same run): its throughput over the',
    "floor's, or the floor's time over Mnemo's. 1.00× is as fast as the floor; higher is better.",
    '',
    ...checkTargets(results, db.kind, options.quick),
    '',
    `finished in ${seconds.toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function closeQuietly(db: BenchDatabase): Promise<void> {
  try {
    await db.close();
  } catch (error) {
    log(`could not clean up the benchmark's database: ${error instanceof Error ? error.message : error}`);
  }
}

process.exitCode = await main();
