import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgPendingImportStore } from '../../src/db/pending-import-store.ts';
import { pendingImports } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let store: PgPendingImportStore;
const now = new Date('2026-06-01T12:00:00Z');
const owner = { tenantId: 'discord:100', userKey: 'discord:1' };
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  db = await freshDatabase();
  store = new PgPendingImportStore(db.db);
});
afterAll(() => db.dispose());

async function kept(expiresInMs = 60_000) {
  const id = randomUUID();
  const bytes = new Uint8Array([1, 2, 3, 250]);
  await store.put(
    { id, ...owner, fileName: 'a.csv', deckId: null, bytes, expiresAt: later(expiresInMs) },
    now,
  );
  return id;
}

describe('pending chat imports', () => {
  it('GIVEN a kept file THEN its person in its community takes it once, with its bytes', async () => {
    const id = await kept();
    const taken = await store.take(id, owner, later(1_000));
    expect(taken).toMatchObject({ fileName: 'a.csv', deckId: null, tenantId: 'discord:100' });
    expect([...(taken?.bytes ?? [])]).toEqual([1, 2, 3, 250]);
    expect(await store.take(id, owner, later(1_000))).toBeNull();
  });

  it('GIVEN another person or another community THEN the file is not theirs, and stays for its own', async () => {
    const id = await kept();
    expect(await store.take(id, { ...owner, userKey: 'discord:2' }, now)).toBeNull();
    expect(await store.take(id, { ...owner, tenantId: 'discord:200' }, now)).toBeNull();
    expect(await store.take(id, owner, now)).not.toBeNull();
  });

  it('GIVEN its time is up THEN nobody takes it, and the next file kept drops it', async () => {
    const id = await kept(1_000);
    expect(await store.take(id, owner, later(1_000))).toBeNull();
    await store.put(
      {
        id: randomUUID(),
        ...owner,
        fileName: 'b.csv',
        deckId: 'b',
        bytes: new Uint8Array([9]),
        expiresAt: later(99_000),
      },
      later(2_000),
    );
    const rows = await db.db.select({ fileName: pendingImports.fileName }).from(pendingImports);
    expect(rows).toEqual([{ fileName: 'b.csv' }]);
  });
});
