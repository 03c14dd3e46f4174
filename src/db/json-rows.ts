import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { cards } from './schema.ts';

type CardInsert = typeof cards.$inferInsert;

/** The columns a new card row sets, as `cardRow` names them, with their SQL types. */
const COLUMNS = [
  ['id', 'text'],
  ['deckId', 'text'],
  ['owner', 'text'],
  ['kind', 'text'],
  ['question', 'text'],
  ['answer', 'text'],
  ['accept', 'jsonb'],
  ['options', 'jsonb'],
  ['correctOption', 'integer'],
  ['note', 'text'],
  ['tags', 'jsonb'],
  ['lang', 'text'],
  ['position', 'integer'],
  ['sourceLine', 'integer'],
  ['noteId', 'text'],
  ['contentHash', 'text'],
] as const satisfies readonly (readonly [keyof CardInsert, string])[];

const BATCH = 1_000; // rows per statement: one JSON text of a few hundred KB

const targets = sql.raw(COLUMNS.map(([key]) => `"${cards[key].name}"`).join(', '));
const picked = sql.raw(COLUMNS.map(([key]) => `t."${key}"`).join(', '));
const record = sql.raw(COLUMNS.map(([key, type]) => `"${key}" ${type}`).join(', '));

/**
 * Inserts new card rows as one JSON text per batch, unpacked by `jsonb_to_recordset`: a query builder's
 * insert of 500 rows makes about 8,000 parameters, and its garbage set how much memory a 10,000-card import
 * took; one string per batch costs little more than the rows themselves. PGlite and PostgreSQL alike.
 */
export async function insertCards(db: Database, rows: readonly CardInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH), wellFormed);
    await db.execute(
      sql`insert into ${cards} (${targets}) select ${picked} from jsonb_to_recordset(${json}::jsonb) as t(${record})`,
    );
  }
}

/**
 * A lone UTF-16 surrogate is written as U+FFFD, as the drivers' UTF-8 encoding of a parameter does: JSON
 * would escape it as `\ud800`, which jsonb refuses. (`toWellFormed` is Node 20's; ES2023's types lack it.)
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? (value as string & { toWellFormed(): string }).toWellFormed() : value;
}

/**
 * `column in (values…)` with the values as one JSON parameter: tens of thousands of ids (an import's cards)
 * in one statement, without one parameter each and its garbage.
 */
export function inJsonList(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
