import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, runMnemo } from '../support/cli.ts';
import { TEST_DATABASE_URL, withDatabase } from '../support/database.ts';

let dataDir: string;
/** On PostgreSQL an empty database of its own (freshDatabase would hand over a migrated one). */
let databaseName: string | null = null;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mnemo-migrate-'));
  env = { DATA_DIR: dataDir };
  if (TEST_DATABASE_URL) {
    databaseName = `mnemo_migrate_cli_${process.pid}`;
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.unsafe(`create database ${databaseName}`);
    await admin.end();
    env.DATABASE_URL = withDatabase(TEST_DATABASE_URL, databaseName);
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (TEST_DATABASE_URL && databaseName) {
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
});

describe('mnemo migrate', () => {
  it('GIVEN a new database THEN it names the migrations it applied; run again THEN it says the database is up to date', async () => {
    const journal = JSON.parse(await readFile('drizzle/meta/_journal.json', 'utf8')) as {
      entries: { tag: string }[];
    };
    const tags = journal.entries.map((entry) => entry.tag);
    const first = await runMnemo(['migrate'], { env });
    expect(first.stdout).toBe(`Applied ${tags.length} migrations: ${tags.join(', ')}\n`);
    expect(first.code).toBe(0);
    // Run again in process: the spawned first run is the command as a person runs it.
    const second = await runInProcess(['migrate'], { env });
    expect(second).toMatchObject({
      code: 0,
      stdout: 'The database is up to date: no migrations to apply.\n',
    });
  }, 60_000);
});
