import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { cards, decks, tenants, users } from './schema.ts';

/** Simulated people are users of platform `sim` (`<seed>:<n>`), studying in the tenant `sim:<seed>`. */
export const SIM_PLATFORM = 'sim';

/** The live cards of a deck; null when there is no such deck. */
export async function deckCardCount(db: Database, deckId: string): Promise<number | null> {
  const [deck] = await db
    .select({ cards: sql<number>`count(${cards.id})::int` })
    .from(decks)
    .leftJoin(cards, and(eq(cards.deckId, decks.id), isNull(cards.retiredAt)))
    .where(and(eq(decks.id, deckId), isNull(decks.retiredAt)))
    .groupBy(decks.id);
  return deck ? deck.cards : null;
}

/** Whether a simulation with this seed is stored. */
export async function simulationExists(db: Database, seed: number): Promise<boolean> {
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.id, `sim:${seed}`));
  return row !== undefined;
}

/** Removes every simulation (all seeds): its people, their reviews, states, prompts and fits, and its tenants. */
export async function dropSimulations(db: Database): Promise<{ people: number }> {
  return db.transaction(async (tx) => {
    const people = sql`(select id from users where platform = ${SIM_PLATFORM})`;
    for (const table of ['fsrs_parameters', 'reviews', 'prompts', 'card_states'])
      await tx.execute(sql`delete from ${sql.identifier(table)} where user_id in ${people}`);
    const removed = await tx
      .delete(users)
      .where(eq(users.platform, SIM_PLATFORM))
      .returning({ id: users.id });
    await tx.delete(tenants).where(like(tenants.id, `${SIM_PLATFORM}:%`));
    return { people: removed.length };
  });
}
