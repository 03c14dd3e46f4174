import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { type Connection, openDatabase, redactUrl } from '../src/db/client.ts';
import { postgresRaw, type RawSql } from '../src/db/raw-sql.ts';

const POOL_SIZE = 20; // connections per pool: more than the 16 concurrent workers

/** The database one run uses: Mnemo's own connection and a raw client for the floor, over the same data. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  connection: Connection;
  raw: RawSql;
  /** The run's own database on PostgreSQL, for another process to open; null on PGlite. */
  url: string | null;
  /** `select version()`, with PGlite's own version on PGlite. */
  version: string;
  /** Where the data lives, for the report. */
  where: string;
  /** Closes both clients and drops what the run created. */
  close(): Promise<void>;
}

/**
 * PostgreSQL when a URL is given (a fresh database, dropped at the end), else an in-memory PGlite. A suite
 * that needs a database of its own names it with `suffix`.
 */
export function openBenchDatabase(url: string | undefined, suffix = ''): Promise<BenchDatabase> {
  return url ? openPostgres(url, suffix) : openPglite();
}

async function openPostgres(serverUrl: string, suffix: string): Promise<BenchDatabase> {
  const name = `mnemo_bench_${process.pid}${suffix}`;
  const admin = () => postgres(serverUrl, { max: 1, onnotice: () => {} });
  const drop = async () => {
    const sql = admin();
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.end({ timeout: 5 });
  };
  const create = admin();
  await create.unsafe(`drop database if exists ${name} with (force)`);
  await create.unsafe(`create database ${name}`);
  await create.end({ timeout: 5 });
  const url = withDatabase(serverUrl, name);
  let connection: Connection;
  try {
    connection = await openDatabase({ kind: 'postgres', url, poolSize: POOL_SIZE });
  } catch (error) {
    await drop();
    throw error;
  }
  // A client of its own for the floor, not the one Mnemo's connection wraps (and Drizzle configures).
  const floorClient = postgres(url, { max: POOL_SIZE, onnotice: () => {} });
  const raw = postgresRaw(floorClient);
  const [row] = await raw.query<{ version: string }>('select version()');
  return {
    kind: 'postgres',
    connection,
    raw,
    url,
    version: row?.version ?? 'PostgreSQL (unknown version)',
    where: `PostgreSQL at ${redactUrl(serverUrl)}, in a fresh database ${name} dropped at the end`,
    close: async () => {
      await floorClient.end({ timeout: 5 });
      await connection.close();
      await drop();
    },
  };
}

async function openPglite(): Promise<BenchDatabase> {
  const connection = await openDatabase({ kind: 'pglite-memory' });
  // The floor talks to the same embedded database, through its own queries.
  const { raw } = connection;
  const [row] = await raw.query<{ version: string }>('select version()');
  const manifest = new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return {
    kind: 'pglite',
    connection,
    raw,
    url: null,
    version: `PGlite ${version} (${row?.version.split(' on ')[0] ?? 'PostgreSQL'}, WASM in this process)`,
    where: 'PGlite in memory, inside the benchmark process (its memory counts in RSS)',
    close: () => connection.close(),
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
