import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawSql } from '../../src/db/raw-sql.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let raw: RawSql;

beforeAll(async () => {
  db = await freshDatabase();
  raw = db.raw;
  await raw.exec('create table raw_notes (id int primary key, body text not null)');
});
afterAll(() => db.dispose());

const bodies = async () =>
  (await raw.query<{ body: string }>('select body from raw_notes order by id')).map((row) => row.body);

describe('hand-written SQL transactions (Connection.raw)', () => {
  it('GIVEN statements and a last one sent with the COMMIT THEN all of them are stored, and the rows come back', async () => {
    const returned = await raw.transaction(async (tx) => {
      await tx.query('insert into raw_notes values ($1, $2)', [1, 'first']);
      return tx.queryAndCommit<{ id: number }>('insert into raw_notes values ($1, $2) returning id', [
        2,
        'second',
      ]);
    });
    expect(returned).toEqual([{ id: 2 }]);
    expect(await bodies()).toEqual(['first', 'second']);
  });

  it('GIVEN a statement that fails after others THEN none of them is stored, and the error says why', async () => {
    const failing = raw.transaction(async (tx) => {
      await tx.query('insert into raw_notes values ($1, $2)', [3, 'third']);
      await tx.query('insert into raw_notes values ($1, $2)', [1, 'a duplicate key']);
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await bodies()).toEqual(['first', 'second']);
  });

  it('GIVEN the last statement fails together with its COMMIT THEN nothing is stored', async () => {
    const failing = raw.transaction(async (tx) => {
      await tx.query('insert into raw_notes values ($1, $2)', [4, 'fourth']);
      return tx.queryAndCommit('insert into raw_notes values ($1, $2)', [2, 'a duplicate key']);
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await bodies()).toEqual(['first', 'second']);
  });

  it('GIVEN the work itself throws between statements THEN what it wrote is rolled back', async () => {
    const failing = raw.transaction(async (tx) => {
      await tx.query('insert into raw_notes values ($1, $2)', [5, 'fifth']);
      throw new Error('the decision failed');
    });
    await expect(failing).rejects.toThrow('the decision failed');
    expect(await bodies()).toEqual(['first', 'second']);
  });

  it('GIVEN many failed and good transactions at once THEN every connection goes back to the pool usable', async () => {
    const runs = Array.from({ length: 60 }, (_, i) =>
      raw.transaction(async (tx) => {
        if (i % 2 === 0) await tx.query('select 1 / 0');
        const [row] = await tx.query<{ n: number }>('select $1::int as n', [i]);
        return row?.n;
      }),
    );
    const settled = await Promise.allSettled(runs);
    expect(settled.filter((result) => result.status === 'rejected')).toHaveLength(30);
    expect(settled.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual(
      Array.from({ length: 30 }, (_, i) => 2 * i + 1),
    );
    // No connection was left inside a transaction: a plain statement sees only committed rows.
    expect(await bodies()).toEqual(['first', 'second']);
  });

  it('GIVEN a Date parameter THEN it is stored as that instant', async () => {
    const at = new Date('2026-03-29T01:30:00.000Z');
    const [row] = await raw.query<{ same: boolean }>('select $1::timestamptz = $2::timestamptz as same', [
      at,
      '2026-03-29T03:30:00+02:00',
    ]);
    expect(row?.same).toBe(true);
  });
});
