import { type Column, getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';

/**
 * Hand-written SELECTs that read rows exactly as Drizzle would: the column list is made from the table's
 * Drizzle definition (aliased `"<alias>.<property>"`), and each value goes through the column's own
 * driver mapping (int8 → number, jsonb text → value, timestamp text → Date), whichever driver returned it.
 */
export interface TableColumns<T extends Table, K extends keyof T['$inferSelect'] = keyof T['$inferSelect']> {
  /** `p.id as "p.id", p.tenant_id as "p.tenantId", …` for a SELECT list. */
  readonly list: string;
  /** The row's values under this alias, as Drizzle's `$inferSelect`; null when they are all null (outer join). */
  read(row: Record<string, unknown>): Pick<T['$inferSelect'], K> | null;
}

export function tableColumns<T extends Table>(table: T, alias: string): TableColumns<T>;
/** Only the named properties: a wide row costs to send and to read when a hot path needs a few columns. */
export function tableColumns<T extends Table, K extends keyof T['$inferSelect'] & string>(
  table: T,
  alias: string,
  only: readonly K[],
): TableColumns<T, K>;
export function tableColumns<T extends Table>(
  table: T,
  alias: string,
  only?: readonly string[],
): TableColumns<T> {
  const entries = Object.entries(getTableColumns(table))
    .filter(([property]) => !only || only.includes(property))
    .map(([property, column]) => [property, `${alias}.${property}`, column as Column] as const);
  return {
    list: entries.map(([, key, column]) => `${alias}.${column.name} as "${key}"`).join(', '),
    read(row) {
      const out: Record<string, unknown> = {};
      let present = false;
      for (const [property, key, column] of entries) {
        const value = row[key];
        if (value === null || value === undefined) out[property] = null;
        else {
          present = true;
          out[property] = column.mapFromDriverValue(value);
        }
      }
      return present ? (out as T['$inferSelect']) : null;
    },
  };
}

/** Like `read`, for a table that is always there in the join. */
export function readPresent<R>(
  columns: { read(row: Record<string, unknown>): R | null },
  row: Record<string, unknown>,
): R {
  const read = columns.read(row);
  if (read === null) throw new Error('a joined row came back empty');
  return read;
}

/**
 * `due, stability, …`: the SQL names of the given properties, in that order, for the column list of a
 * hand-written INSERT or UPDATE (the values follow the same order), so that it is made from the table's
 * Drizzle definition as the SELECT lists are.
 */
export function columnNames<T extends Table>(
  table: T,
  properties: readonly (keyof T['$inferInsert'] & string)[],
): string {
  const columns: Record<string, Column> = getTableColumns(table);
  return properties
    .map((property) => {
      const column = columns[property];
      if (!column) throw new Error(`${property} is not a column`); // only a property typed as one reaches here
      return column.name;
    })
    .join(', ');
}

/** `$first, $first+1, …`: `count` positional parameters. */
export function placeholders(first: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

/**
 * The SET of an upsert that takes every column from the row offered (`excluded.<column>`) but those named:
 * made from the table's definition, so a column added to the schema is written by every upsert without a
 * list to keep up by hand.
 */
export function excludedExcept<T extends Table>(
  table: T,
  kept: readonly (keyof T['$inferInsert'] & string)[],
): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table) as Record<string, Column>)
      .filter(([property]) => !kept.includes(property as keyof T['$inferInsert'] & string))
      .map(([property, column]) => [property, sql.raw(`excluded."${column.name}"`)]),
  );
}
