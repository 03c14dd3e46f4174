import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { prompts } from './schema.ts';

/** How many people answered a delivery's question: read by the quiz (after an answer) and by delivery (the day's end). */
export async function countDeliveryAnswers(db: Database, deliveryId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${prompts.userId})::int` })
    .from(prompts)
    .where(and(eq(prompts.deliveryId, deliveryId), isNotNull(prompts.answeredAt)));
  return row?.n ?? 0;
}
