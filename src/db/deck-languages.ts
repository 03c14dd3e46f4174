import { isNull } from 'drizzle-orm';
import type { Database } from './client.ts';
import { cards } from './schema.ts';

/** The languages of the cards people can be asked now (retired cards are never graded again). */
export async function storedLanguages(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ lang: cards.lang }).from(cards).where(isNull(cards.retiredAt));
  return rows.map((row) => row.lang);
}
