import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';

/**
 * Hand-written SQL on either database, for the few statements on a hot path where Drizzle's query building
 * costs more than the database does (measured by `npm run bench`). Parameters are $1, $2…; rows come back
 * with the column names the SQL gives them, and values as the driver gives them: read them with the
 * column's own mapping (see rows.ts). Dates are sent as ISO strings: Drizzle sets the postgres.js client
 * it shares with this one to pass timestamps through unconverted.
 */
export interface SqlRunner {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface RawSql extends SqlRunner {
  /** Runs `work` in one transaction; everything inside must go through the `tx` it is given. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** One statement outside any transaction and without parameters, such as VACUUM. */
  exec(text: string): Promise<void>;
}

/**
 * postgres.js with named prepared statements (postgres.js caches one per query text and connection), as
 * its tagged templates do: the statement is parsed and planned once, not described before every use.
 */
export function postgresRaw(client: postgres.Sql): RawSql {
  const on = (target: postgres.Sql | postgres.TransactionSql): SqlRunner => ({
    query: async <T extends object>(text: string, params: readonly unknown[] = []) =>
      (await target.unsafe(text, driverValues(params) as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      })) as unknown as T[],
  });
  return {
    ...on(client),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) => client.begin((tx) => work(on(tx))) as Promise<T>,
    exec: async (text) => {
      await client.unsafe(text);
    },
  };
}

/** PGlite's own query and transaction: the embedded database has no pool, so work queues on it. */
export function pgliteRaw(client: PGlite): RawSql {
  return {
    query: async <T extends object>(text: string, params: readonly unknown[] = []) =>
      (await client.query<T>(text, driverValues(params))).rows,
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
      client.transaction((tx) =>
        work({
          query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(text, driverValues(params))).rows,
        }),
      ),
    exec: async (text) => {
      await client.exec(text);
    },
  };
}

function driverValues(params: readonly unknown[]): unknown[] {
  return params.map((value) => (value instanceof Date ? value.toISOString() : value));
}
