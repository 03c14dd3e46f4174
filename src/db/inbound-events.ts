import { and, eq, isNull, lt } from 'drizzle-orm';
import type { InboundEvents } from '../core/quiz/inbound.ts';
import type { Database } from './client.ts';
import { inboundEvents } from './schema.ts';

export class DrizzleInboundEvents implements InboundEvents {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async claim(platform: string, eventId: string, now: Date, retryAfterMs: number): Promise<boolean> {
    const inserted = await this.#db
      .insert(inboundEvents)
      .values({ platform, eventId, receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    if (inserted.length > 0) return true;
    // Seen before: take it over only if that attempt never completed and has had time to.
    const retaken = await this.#db
      .update(inboundEvents)
      .set({ receivedAt: now })
      .where(
        and(
          eq(inboundEvents.platform, platform),
          eq(inboundEvents.eventId, eventId),
          isNull(inboundEvents.completedAt),
          lt(inboundEvents.receivedAt, new Date(now.getTime() - retryAfterMs)),
        ),
      )
      .returning({ eventId: inboundEvents.eventId });
    return retaken.length > 0;
  }

  async complete(platform: string, eventId: string, now: Date): Promise<void> {
    await this.#db
      .update(inboundEvents)
      .set({ completedAt: now })
      .where(and(eq(inboundEvents.platform, platform), eq(inboundEvents.eventId, eventId)));
  }
}
