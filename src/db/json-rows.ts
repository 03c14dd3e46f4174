import {
  type AnyColumn,
  type Column,
  getTableColumns,
  getTableName,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { CARD_FIELDS } from './card-row.ts';
import type { Database } from './client.ts';
import type { SqlRunner } from './raw-sql.ts';
import { cards } from './schema.ts';

/**
 * Many rows inserted as one JSON text per statement, unpacked by `json_to_recordset` into the table's own
 * column types (from its Drizzle definition): neither a statement per row, nor a query builder's multi-row
 * VALUES whose thousands of parameters (and their garbage) cost more than the rows themselves, nor the
 * 65,535-parameter limit. Used by the deck import (cards) and the simulator (people, states, reviews).
 */
interface RecordsetInsert<R> {
  /** The statement's text before and after its one parameter, the JSON text of a batch. */
  head: string;
  tail: string;
  /** A batch of rows as that JSON text. */
  json(rows: readonly R[]): string;
}

function recordsetInsert<T extends Table, R>(
  table: T,
  properties: readonly (keyof T['$inferInsert'] & string)[],
  values: (row: R) => readonly unknown[],
  returning?: string,
): RecordsetInsert<R> {
  const columns: Record<string, Column> = getTableColumns(table);
  const picked = properties.map((property) => {
    const column = columns[property];
    if (!column) throw new Error(`${property} is not a column`); // only a property typed as one reaches here
    return column;
  });
  const names = picked.map((column) => `"${column.name}"`).join(', ');
  const selected = picked.map((_, i) => `c${i}`).join(', ');
  const fields = picked.map((column, i) => `c${i} ${column.getSQLType()}`).join(', ');
  return {
    head: `insert into ${getTableName(table)} (${names}) select ${selected} from json_to_recordset(`,
    tail: `::json) as x(${fields})${returning ? ` returning ${returning}` : ''}`,
    json: (rows) => {
      // The rows' objects made directly and stringified without a replacer: a replacer is a call for every
      // key and value, which cost more than the rest of the write's JavaScript together.
      const keys = picked.map((_, i) => `c${i}`);
      const objects = rows.map((row) => {
        const object: Record<string, unknown> = {};
        values(row).forEach((value, i) => {
          object[keys[i] as string] = wellFormed(value);
        });
        return object;
      });
      return JSON.stringify(objects);
    },
  };
}

/**
 * Inserts `rows` through hand-written SQL, `perStatement` rows a statement; `values` gives a row's values in
 * the order of `properties` (dates as ISO text). Returns the `returning` columns of every row, in order.
 */
export async function insertRows<T extends Table, R>(
  runner: SqlRunner,
  table: T,
  properties: readonly (keyof T['$inferInsert'] & string)[],
  rows: readonly R[],
  values: (row: R) => readonly unknown[],
  returning?: string,
  perStatement = 10_000, // a few MB of JSON
): Promise<Record<string, unknown>[]> {
  const insert = recordsetInsert(table, properties, values, returning);
  const out: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const json = insert.json(rows.slice(start, start + perStatement));
    out.push(...(await runner.query(`${insert.head}$1${insert.tail}`, [json])));
  }
  return out;
}

type CardInsert = typeof cards.$inferInsert;

/** The columns a new card row sets: a Card's own, its owner and its content's hash. */
const CARD_COLUMNS = [
  ...CARD_FIELDS,
  'owner',
  'contentHash',
] as const satisfies readonly (keyof CardInsert)[];

const cardInsert = recordsetInsert(cards, CARD_COLUMNS, (row: CardInsert) =>
  CARD_COLUMNS.map((key) => row[key] ?? null),
);
const CARDS_PER_STATEMENT = 1_000; // one JSON text of a few hundred KB

/** Inserts new card rows through the deck import's Drizzle handle (a transaction's, often). */
export async function insertCards(db: Database, rows: readonly CardInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CARDS_PER_STATEMENT) {
    const json = cardInsert.json(rows.slice(i, i + CARDS_PER_STATEMENT));
    await db.execute(sql`${sql.raw(cardInsert.head)}${json}${sql.raw(cardInsert.tail)}`);
  }
}

/**
 * A lone UTF-16 surrogate is written as U+FFFD, as the drivers' UTF-8 encoding of a parameter does: JSON
 * would escape it as `\ud800`, which PostgreSQL refuses. (`toWellFormed` is Node 20's; ES2023's types lack it.)
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return (value as string & { toWellFormed(): string }).toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [wellFormed(key), wellFormed(inner)]),
    );
  return value;
}

/**
 * `column in (values…)` with the values as one JSON parameter: tens of thousands of ids (an import's cards)
 * in one statement, without one parameter each and its garbage.
 */
export function inJsonList(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
