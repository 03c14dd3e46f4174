import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

/** Drizzle's migrator reports nothing; this is how to ask the database what it already has. */
export const LAST_MIGRATION_SQL = {
  exists: `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  last: 'select max(created_at) as last from drizzle.__drizzle_migrations',
} as const;

/**
 * The migrations Drizzle's migrator is about to apply: those of the journal made after the last one the
 * database records (the migrator's own rule), in order. `last` is null for a database never migrated.
 */
export async function pendingMigrations(migrationsFolder: string, last: number | null): Promise<string[]> {
  const journal = journalSchema.parse(
    JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')),
  );
  return journal.entries.filter((entry) => last === null || entry.when > last).map((entry) => entry.tag);
}

/** Reads the last recorded migration through any client that runs one SQL string and returns rows. */
export async function lastMigration(
  query: (text: string) => Promise<readonly Record<string, unknown>[]>,
): Promise<number | null> {
  const [exists] = await query(LAST_MIGRATION_SQL.exists);
  if (!exists?.present) return null;
  const [row] = await query(LAST_MIGRATION_SQL.last);
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}
