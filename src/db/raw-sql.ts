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

export interface TransactionRunner extends SqlRunner {
  /** The transaction's last statement, sent with its COMMIT (one round trip for both); nothing may follow. */
  queryAndCommit<T extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<T[]>;
}

export interface RawSql extends SqlRunner {
  /**
   * Runs `work` in one transaction, committed when it returns (or by its queryAndCommit) and rolled back if
   * it throws; everything inside must go through the `tx` it is given.
   */
  transaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T>;
  /** One statement outside any transaction and without parameters, such as VACUUM. */
  exec(text: string): Promise<void>;
}

/**
 * postgres.js with named prepared statements (postgres.js caches one per query text and connection), as
 * its tagged templates do: the statement is parsed and planned once, not described before every use.
 * A transaction holds one connection and pipelines: BEGIN goes out with the first statement and COMMIT
 * with the last, so a transaction of two steps costs two round trips, not four.
 */
export function postgresRaw(client: postgres.Sql): RawSql {
  const run = <T>(target: postgres.Sql, text: string, params: readonly unknown[] = []) =>
    target.unsafe(text, driverValues(params) as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    }) as unknown as Promise<T[]>;
  return {
    query: <T extends object>(text: string, params?: readonly unknown[]) => run<T>(client, text, params),
    transaction: async (work) => {
      const session = await client.reserve();
      // Statements after a failed BEGIN would run on their own, so none is read before BEGIN is known good.
      const begun = session.unsafe('begin').then(() => undefined);
      begun.catch(() => {}); // read through every statement below
      let committed = false;
      try {
        const result = await work({
          query: async <T extends object>(text: string, params?: readonly unknown[]) =>
            (await Promise.all([begun, run<T>(session, text, params)]))[1],
          queryAndCommit: async <T extends object>(text: string, params?: readonly unknown[]) => {
            committed = true;
            const sent = [begun, run<T>(session, text, params), session.unsafe('commit')] as const;
            return (await Promise.all(sent))[1];
          },
        });
        if (!committed) await Promise.all([begun, session.unsafe('commit')]);
        return result;
      } catch (error) {
        await session.unsafe('rollback').catch(() => {});
        throw error;
      } finally {
        session.release();
      }
    },
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
    transaction: <T>(work: (tx: TransactionRunner) => Promise<T>) =>
      client.transaction((tx) => {
        const query = async <R extends object>(text: string, params: readonly unknown[] = []) =>
          (await tx.query<R>(text, driverValues(params))).rows;
        // No round trips to save in process: the last statement runs, and the transaction commits on return.
        return work({ query, queryAndCommit: query });
      }),
    exec: async (text) => {
      await client.exec(text);
    },
  };
}

function driverValues(params: readonly unknown[]): unknown[] {
  return params.map((value) => (value instanceof Date ? value.toISOString() : value));
}
