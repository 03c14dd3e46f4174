import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';

/** Hand-written SQL and nothing else: the floor every benchmark compares Mnemo with. */
export interface RawQuery {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface RawSql extends RawQuery {
  transaction<T>(work: (tx: RawQuery) => Promise<T>): Promise<T>;
  /** One statement outside any transaction, such as VACUUM. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** postgres.js with named prepared statements, as its tagged templates use by default. */
export function postgresRaw(sql: postgres.Sql): RawSql {
  const on = (client: postgres.Sql | postgres.TransactionSql): RawQuery => ({
    query: async <T extends object>(text: string, params: readonly unknown[] = []) =>
      (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[],
  });
  return {
    ...on(sql),
    transaction: <T>(work: (tx: RawQuery) => Promise<T>) => sql.begin((tx) => work(on(tx))) as Promise<T>,
    exec: async (text) => {
      await sql.unsafe(text);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** PGlite's own query and transaction: the embedded database has no pool, so work queues on it. */
export function pgliteRaw(client: PGlite): RawSql {
  return {
    query: async <T extends object>(text: string, params: readonly unknown[] = []) =>
      (await client.query<T>(text, [...params])).rows,
    transaction: <T>(work: (tx: RawQuery) => Promise<T>) =>
      client.transaction((tx) =>
        work({
          query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(text, [...params])).rows,
        }),
      ),
    exec: async (text) => {
      await client.exec(text);
    },
    // The Connection that owns the client closes it.
    close: async () => {},
  };
}
