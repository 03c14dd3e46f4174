import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Connection, openDatabase } from '../../src/db/client.ts';
import type { StatementObserver } from '../../src/db/statement-observer.ts';

/** Which database the suite runs on: PostgreSQL when DATABASE_URL is set, else PGlite. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || undefined;
export const ON_POSTGRES = TEST_DATABASE_URL !== undefined;

export interface TestDatabase extends Connection {
  /** A URL other processes can open (PostgreSQL only). */
  url: string | null;
  /** Closes the connection and drops what the test created. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file: a new database on the PostgreSQL server, or an
 * in-memory PGlite started from the migrated image that the global setup made once.
 */
export async function freshDatabase(
  options: { observe?: StatementObserver; poolSize?: number } = {},
): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const image = new Blob([await readFile(inject('pgliteImage'))]);
    const { poolSize: _one, ...observing } = options; // PGlite has no pool
    const connection = await openDatabase({ kind: 'pglite-memory', image, ...observing });
    return { ...connection, url: null, dispose: () => connection.close() };
  }
  const name = `mnemo_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = withDatabase(TEST_DATABASE_URL, name);
  const connection = await openDatabase({ kind: 'postgres', url, poolSize: 20, ...options });
  return {
    ...connection,
    url,
    dispose: async () => {
      await connection.close();
      const cleanup = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A new DATA_DIR for a run of Mnemo. On PGlite it already holds a migrated, empty database, copied from the
 * one the global setup made: opening it skips initdb and the migrations (seconds each). Tests of a first start
 * itself (its messages, its migrations) take an empty folder instead.
 */
export async function migratedDataDir(prefix = 'mnemo-data-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  if (!ON_POSTGRES) await cp(inject('pgliteDataDir'), join(dir, 'pglite'), { recursive: true });
  return dir;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    /** A migrated PGlite data directory, to copy, never to open. */
    pgliteDataDir: string;
  }
}
