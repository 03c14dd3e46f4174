import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Connection } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema.ts';

/**
 * A proposal for src/db/client.ts, measured by the bot process in `bench/proposals.ts`: the PostgreSQL
 * connection without loading PGlite. client.ts imports PGlite (and Drizzle's PGlite driver) statically,
 * so a bot on PostgreSQL carries PGlite's ~45 MB of code; a dynamic import inside openPglite avoids it.
 * Migrations are left out here: the benchmark's database is migrated already.
 */
export async function openPostgresOnly(url: string, poolSize: number): Promise<Connection> {
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzle(client, { schema }) as unknown as Connection['db'];
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
