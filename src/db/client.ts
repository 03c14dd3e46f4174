import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MnemoError } from '../core/errors.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { lastMigration, pendingMigrations } from './migration-report.ts';
import {
  hasPgliteCluster,
  initPgliteCluster,
  pgliteStartParams,
  useLeanWasmCompiler,
} from './pglite-cluster.ts';
import { pgliteRaw, postgresRaw, type RawSql } from './raw-sql.ts';
import * as schema from './schema.ts';
import { observePglite, type StatementObserver } from './statement-observer.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Hand-written SQL over the same client and pool as `db`, for the hot paths. */
  raw: RawSql;
  /** The migrations this open applied, oldest first (tags such as `0001_planner_indexes`); empty if none. */
  migrated: readonly string[];
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = (
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; image?: Blob }
) & {
  /** Told every statement sent once the database is open (after the migrations). */
  observe?: StatementObserver;
};

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Any fixed number: every instance that migrates takes this advisory lock first. */
const MIGRATION_LOCK = 727_274_001;

/** Opens the database, applies pending migrations, and returns a Drizzle handle over it. */
export async function openDatabase(
  target: DatabaseTarget,
  migrationsFolder = MIGRATIONS,
): Promise<Connection> {
  if (target.kind === 'postgres')
    return openPostgres(target.url, target.poolSize ?? 10, migrationsFolder, target.observe);
  return openPglite(target, migrationsFolder);
}

async function openPostgres(
  url: string,
  poolSize: number,
  migrationsFolder: string,
  observe: StatementObserver | undefined,
): Promise<Connection> {
  const migrated = await migrateUnderLock(url, migrationsFolder);
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    connect_timeout: 10,
    backoff: reconnectDelay,
    ...(observe ? { debug: (_connection: number, text: string) => observe(text) } : {}),
  });
  const db = drizzlePostgres(client, { schema });
  return {
    db,
    raw: postgresRaw(client),
    kind: 'postgres',
    migrated,
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Seconds before a pooled connection tries again after failing. postgres.js's own delay grows to 20 s with a
 * count the whole pool shares: after a half-second restart of PostgreSQL, its connections sat idle that long
 * while requests waited on them (test/db/postgres-restart.test.ts). At most 1 s here.
 */
const reconnectDelay = (attempts: number): number => Math.min(0.05 * 2 ** attempts, 1);

/** drizzle-orm's migrator has no lock of its own: instances starting together would race (drizzle-orm#874). */
async function migrateUnderLock(url: string, migrationsFolder: string): Promise<string[]> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`.catch((cause: unknown) => {
      throw new MnemoError(
        'DATABASE_UNAVAILABLE',
        `cannot reach PostgreSQL at ${redactUrl(url)}: ${message(cause)}`,
        {
          cause,
        },
      );
    });
    // Read under the lock: another instance may have applied them a moment ago.
    const pending = await pendingMigrations(
      migrationsFolder,
      await lastMigration((text) => client.unsafe(text)),
    );
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    return pending;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function openPglite(
  target: Extract<DatabaseTarget, { kind: 'pglite' | 'pglite-memory' }>,
  migrationsFolder: string,
): Promise<Connection> {
  // Loaded only here: a bot on PostgreSQL does not carry the embedded database (about 40 MB of RSS).
  useLeanWasmCompiler();
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
  let release = async () => {};
  let client: InstanceType<typeof PGlite>;
  if (target.kind === 'pglite') {
    await mkdir(target.dataDir, { recursive: true });
    release = await lockDataDir(target.dataDir);
    const pgdata = join(target.dataDir, 'pglite');
    const startParams = pgliteStartParams(PGlite.defaultStartParams);
    try {
      if (!(await hasPgliteCluster(pgdata))) await initPgliteCluster(pgdata, startParams);
    } catch (error) {
      await release();
      throw error;
    }
    client = new PGlite({ dataDir: pgdata, startParams });
  } else {
    client = new PGlite(target.image ? { loadDataDir: target.image } : {});
  }
  try {
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    const migrated = await pendingMigrations(
      migrationsFolder,
      await lastMigration(async (text) => (await client.query<Record<string, unknown>>(text)).rows),
    );
    await migratePglite(db, { migrationsFolder });
    if (target.observe) observePglite(client, target.observe);
    return {
      db,
      raw: pgliteRaw(client),
      kind: 'pglite',
      migrated,
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await client.close().catch(() => {});
    await release();
    throw error;
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
