import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_PART_BYTES, PgPendingImportStore } from '../../src/db/pending-import-store.ts';
import { pendingImportParts, pendingImports } from '../../src/db/schema.ts';
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

async function kept(expiresInMs = 60_000, bytes = new Uint8Array([1, 2, 3, 250])) {
  const id = randomUUID();
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

  it('GIVEN a file of several parts THEN it comes back whole, byte for byte, and its parts go with it', async () => {
    const bytes = new Uint8Array(PENDING_PART_BYTES * 2 + 17).map((_, i) => (i * 7) % 256);
    const id = await kept(60_000, bytes);
    const parts = () => db.db.select().from(pendingImportParts).where(eq(pendingImportParts.importId, id));
    expect(await parts()).toHaveLength(3);
    const taken = await store.take(id, owner, now);
    expect(taken?.bytes).toEqual(bytes);
    expect(await parts()).toHaveLength(0);
  });

  it('GIVEN files past their time and one within it THEN a sweep drops the expired ones with their parts, and only them', async () => {
    await db.db.delete(pendingImports);
    await kept(1_000);
    await kept(2_000, new Uint8Array(PENDING_PART_BYTES + 1));
    const fresh = await kept(60_000);
    expect(await store.sweep(later(2_000))).toBe(2);
    const rows = await db.db.select({ id: pendingImports.id }).from(pendingImports);
    expect(rows).toEqual([{ id: fresh }]);
    const left = await db.db.selectDistinct({ id: pendingImportParts.importId }).from(pendingImportParts);
    expect(left).toEqual([{ id: fresh }]);
    expect(await store.sweep(later(2_000))).toBe(0);
  });
});
