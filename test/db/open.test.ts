import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MnemoError } from '../../src/core/errors.ts';
import { openDatabase, redactUrl } from '../../src/db/client.ts';
import { migratedDataDir, ON_POSTGRES, TEST_DATABASE_URL, withDatabase } from '../support/database.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe.skipIf(ON_POSTGRES)('PGlite data directory (PGlite only, skipped when DATABASE_URL is set)', () => {
  // A migrated copy where the database's creation is not the point: initdb and the migrations take seconds.
  it('GIVEN a data directory in use THEN a second open gets a clear error and the first keeps working', async () => {
    const dir = await migratedDataDir('mnemo-lock-');
    folders.push(dir);
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    const second = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(second).rejects.toThrow(MnemoError);
    await expect(second).rejects.toThrow(/in use by another Mnemo process/);
    await first.ping();
    await first.close();
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    await reopened.ping();
    await reopened.close();
  });

  it('GIVEN another live process holds the directory THEN opening it fails with its pid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mnemo-lock-'));
    folders.push(dir);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'mnemo.lock'), `${holder.pid}\n`);
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('GIVEN a fresh data directory THEN it opens with small buffers, keeps what is written, and reopens', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mnemo-fresh-'));
    folders.push(dir);
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await first.raw.exec("create table kept (note text); insert into kept values ('still here')");
    const [buffers] = await first.raw.query<{ shared_buffers: string }>('show shared_buffers');
    await first.close();
    // PostgreSQL's stock 128MB would sit resident inside the WASM heap of every bot on PGlite.
    expect(buffers?.shared_buffers).toBe('8MB');
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await again.raw.query('select note from kept')).toEqual([{ note: 'still here' }]);
    await again.close();
  });

  it('GIVEN a data directory where no database can be made THEN a clear error names the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mnemo-broken-'));
    folders.push(dir);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'pglite'), 'a file where the database folder should be');
    const opening = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(opening).rejects.toThrow(MnemoError);
    await expect(opening).rejects.toThrow(`could not create the embedded database in ${join(dir, 'pglite')}`);
    // The folder is not left locked: a retry after the fix is not refused.
    await rm(join(dir, 'pglite'));
    const fixed = await openDatabase({ kind: 'pglite', dataDir: dir });
    await fixed.ping();
    await fixed.close();
  });

  it('GIVEN a lock file left by a process that is gone THEN the directory opens', async () => {
    const dir = await migratedDataDir('mnemo-lock-');
    folders.push(dir);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'mnemo.lock'), '999999999\n');
    const connection = await openDatabase({ kind: 'pglite', dataDir: dir });
    await connection.ping();
    await connection.close();
  });
});

describe.runIf(ON_POSTGRES)(
  'PostgreSQL migrations (needs DATABASE_URL: PostgreSQL only, skipped on PGlite)',
  () => {
    it('GIVEN six instances starting together on an empty database THEN all migrate and none breaks', async () => {
      const admin = postgres(TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
      const name = `mnemo_migrate_${process.pid}`;
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
      try {
        const url = withDatabase(TEST_DATABASE_URL ?? '', name);
        const connections = await Promise.all(
          Array.from({ length: 6 }, () => openDatabase({ kind: 'postgres', url })),
        );
        for (const connection of connections) await connection.ping();
        await Promise.all(connections.map((connection) => connection.close()));
        const check = postgres(url, { max: 1, onnotice: () => {} });
        const applied = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
        await check.end();
        expect(applied[0]?.n).toBeGreaterThan(0);
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);

describe('redactUrl', () => {
  it('GIVEN a URL with a password THEN the password is hidden', () => {
    expect(redactUrl('postgres://mnemo:s3cret@db:5432/mnemo')).toBe('postgres://mnemo:***@db:5432/mnemo');
  });
});
