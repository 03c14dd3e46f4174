import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { MnemoError } from '../core/errors.ts';

/**
 * V8 compiles PGlite's 9 MB of WebAssembly with its baseline compiler (Liftoff) and then again, function by
 * function as they grow hot, with TurboFan, on worker threads whose malloc arenas keep what the compiles used.
 * Liftoff alone: an opened PGlite held 203 MB of RSS instead of 233–268 (three runs each), and 4,000 of the
 * bot's statements took 4.0 s of CPU instead of 5.1 s (the optimising compiles cost more than they saved at
 * that count). Set before the module is compiled; it applies to the process's WebAssembly from then on.
 */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only');
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
      ['--liftoff-only', '-e', INITDB, entry, pgdata, JSON.stringify(startParams)], // see useBaselineWasmCompiler
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
