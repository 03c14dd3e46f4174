import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { SqlRunner } from './raw-sql.ts';

/** Rows sent in one statement: a few MB of JSON, so a large write is a few statements, not one per row. */
const ROWS_PER_STATEMENT = 10_000;

/**
 * Inserts many rows in a few statements: each batch goes as one JSON parameter that `json_to_recordset` turns
 * back into typed columns (the types are the table's own, from its Drizzle definition), so there is neither
 * a statement per row nor the 65,535-parameter limit of a multi-row VALUES. `values` gives a row's values in
 * the order of `properties`; dates go as ISO text, read back as timestamptz. Returns the `returning` columns
 * of every row inserted, batch after batch.
 */
export async function insertRows<T extends Table, R>(
  runner: SqlRunner,
  table: T,
  properties: readonly (keyof T['$inferInsert'] & string)[],
  rows: readonly R[],
  values: (row: R) => unknown[],
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const columns: Record<string, Column> = getTableColumns(table);
  const picked = properties.map((property) => {
    const column = columns[property];
    if (!column) throw new Error(`${property} is not a column`); // only a property typed as one reaches here
    return column;
  });
  const fields = picked.map((column, i) => `c${i} ${column.getSQLType()}`).join(', ');
  const names = picked.map((column) => column.name).join(', ');
  const selected = picked.map((_, i) => `c${i}`).join(', ');
  const statement =
    `insert into ${getTableName(table)} (${names}) select ${selected} from json_to_recordset($1::json) as x(${fields})` +
    (returning ? ` returning ${returning}` : '');
  const out: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const record: Record<string, unknown> = {};
      values(row).forEach((value, i) => {
        record[`c${i}`] = value;
      });
      return record;
    });
    out.push(...(await runner.query(statement, [JSON.stringify(batch)])));
  }
  return out;
}
