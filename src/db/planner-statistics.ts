import type { Connection } from './client.ts';

/**
 * The tables the quiz's and the deliveries' statements plan over. Only these: a plain ANALYZE also reads
 * every system catalog, which grew the embedded database's memory for nothing the bot plans.
 */
const PLANNED_TABLES = [
  'users',
  'cards',
  'card_states',
  'card_holds',
  'prompts',
  'reviews',
  'practice_reviews',
  'subscriptions',
  'deliveries',
].join(', ');

/**
 * Refreshes the planner's statistics on the embedded database, at start (after the deck sync) and daily.
 * PGlite has no autovacuum, so without an ANALYZE it plans every statement as if the tables were empty,
 * however large they have grown (a nested loop over a person's 500 card states took 200 ms a call in the
 * simulator). PostgreSQL's autovacuum does this itself, so there it is left alone; returns whether it ran.
 */
export async function refreshPlannerStatistics(
  connection: Pick<Connection, 'kind' | 'raw'>,
): Promise<boolean> {
  if (connection.kind !== 'pglite') return false;
  await connection.raw.exec(`analyze ${PLANNED_TABLES}`);
  return true;
}
