import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshPlannerStatistics } from '../../src/db/planner-statistics.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.dispose());

/** The planner's row estimate of a table: -1 until the table has been analyzed (or vacuumed). */
const estimatedRows = async (table: string) =>
  Number(
    (
      await db.raw.query<{ reltuples: number }>('select reltuples from pg_class where oid = $1::regclass', [
        table,
      ])
    )[0]?.reltuples,
  );

describe('the planner statistics of the embedded database', () => {
  it('GIVEN a table that has grown THEN a refresh gives the planner its real size on PGlite, and leaves PostgreSQL to its autovacuum', async () => {
    await db.raw.exec(
      "insert into users (platform, external_id) select 'discord', n::text from generate_series(1, 500) n",
    );
    if (db.kind === 'pglite') expect(await estimatedRows('users')).toBe(-1);
    const ran = await refreshPlannerStatistics(db);
    if (db.kind === 'pglite') {
      expect(ran).toBe(true);
      expect(await estimatedRows('users')).toBe(500);
    } else {
      expect(ran).toBe(false); // autovacuum's own timing decides when the estimate changes there
    }
  });
});
