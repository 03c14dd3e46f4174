import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { MnemoError } from '../core/errors.ts';

/**
 * How V8 compiles PGlite's 9 MB of WebAssembly: each function when it is first called (most of PostgreSQL
 * never runs in a bot), with the baseline compiler only. By default V8 compiled every function up front and
 * then the hot ones again with TurboFan, on worker threads whose malloc arenas kept what the compiles used.
 * The bot restarted on PGlite with the bundled decks, three runs each, side by side on a loaded machine:
 * 262–302 → 246–250 MB of RSS, a first start 276–312 → 227–244 MB; opening PGlite and running 2,000 queries
 * took 6.4 s instead of 14.3 s (the optimising compiles cost more than they saved at that count).
 */
export const PGLITE_V8_FLAGS = ['--liftoff-only', '--wasm-lazy-compilation'] as const;

/** Applies PGLITE_V8_FLAGS to this process's WebAssembly compiled from now on (before PGlite is loaded). */
export function useLeanWasmCompiler(): void {
  for (const flag of PGLITE_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * PGlite's own start-up flags plus smaller buffers. PGlite starts PostgreSQL with its stock 128 MB of
 * shared_buffers, all of it inside the WASM heap and resident once touched; a bot's working set (decks,
 * the due cards of today's learners) fits in a few MB, and a miss costs one read of a page the operating
 * system already caches. 8 MB took a restart with the bundled decks from 415 to about 190 MB of RSS.
 */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, '-c', 'shared_buffers=8MB'];
}

/**
 * Makes a new cluster in `pgdata` (initdb) in a process of its own. PGlite runs initdb in a second WASM
 * instance next to the first; that memory is garbage to V8 but stays resident until a full collection
 * that an idle bot may never make: a first start held 900 MB where a restart holds 400. A child that
 * exits gives all of it back.
 */
export async function initPgliteCluster(pgdata: string, startParams: readonly string[]): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [...PGLITE_V8_FLAGS, '-e', INITDB, entry, pgdata, JSON.stringify(startParams)],
      { maxBuffer: 1_048_576 }, // the child inherits this process's environment
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(
          new MnemoError(
            'DATABASE_UNAVAILABLE',
            `could not create the embedded database in ${pgdata}: ${stderr.trim() || error.message}`,
            { cause: error },
          ),
        );
      },
    );
  });
}

/** True when `pgdata` already holds a cluster. */
export async function hasPgliteCluster(pgdata: string): Promise<boolean> {
  return access(join(pgdata, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/** The child's whole program (CommonJS, argv: PGlite's entry, the data folder, the start flags as JSON). */
const INITDB = `
const [entry, dataDir, params] = process.argv.slice(1);
const { PGlite } = require(entry);
(async () => {
  const pg = new PGlite({ dataDir, startParams: JSON.parse(params) });
  await pg.waitReady;
  await pg.close();
})().catch((error) => {
  process.stderr.write(String(error && error.message ? error.message : error));
  process.exit(1);
});
`;
