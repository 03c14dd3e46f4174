import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DueSubscription, PlanDecision } from '../../src/core/delivery/ports.ts';
import type { Database } from '../../src/db/client.ts';
import { DrizzleDeliveryStore } from '../../src/db/delivery-store.ts';
import { subscriptions } from '../../src/db/schema.ts';
import { planRunsMemo } from './plan-runs-memo.ts';

/**
 * A proposal for DrizzleDeliveryStore.plan, measured by `bench/proposals.ts`: the same statements, with the
 * batch's deliveries and next runs sent as one JSON parameter each (jsonb_to_recordset) instead of a
 * VALUES list of 15,000–20,000 parameters that Drizzle builds fragment by fragment. Plans with planRunsMemo.
 */
export class JsonPlanStore extends DrizzleDeliveryStore {
  readonly #db: Database;

  constructor(db: Database) {
    super(db);
    this.#db = db;
  }

  override plan(now: Date, limit: number, _decide: (due: DueSubscription[]) => PlanDecision) {
    return this.#db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: subscriptions.id,
          tenantId: subscriptions.tenantId,
          kind: subscriptions.kind,
          localTime: subscriptions.localTime,
          timeZone: subscriptions.timeZone,
          nextDueAt: subscriptions.nextDueAt,
          nextLocalDate: subscriptions.nextLocalDate,
        })
        .from(subscriptions)
        .where(and(eq(subscriptions.active, true), lte(subscriptions.nextDueAt, now)))
        .orderBy(asc(subscriptions.nextDueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return { planned: 0, subscriptions: 0 };
      const decision = planRunsMemo(due, now);
      let planned = 0;
      if (decision.deliveries.length > 0) {
        const inserted = await tx.execute(sql`
          insert into deliveries (subscription_id, local_date, due_at, ends_at, status)
          select r."subscriptionId", r."localDate", r."dueAt", r."endsAt", 'pending'
          from jsonb_to_recordset(${JSON.stringify(decision.deliveries)}::text::jsonb)
            as r("subscriptionId" bigint, "localDate" date, "dueAt" timestamptz, "endsAt" timestamptz)
          on conflict (subscription_id, local_date) do nothing
          returning id`);
        planned = (inserted as unknown as unknown[]).length;
      }
      await tx.execute(sql`
        update subscriptions s set next_due_at = r."nextDueAt", next_local_date = r."nextLocalDate"
        from jsonb_to_recordset(${JSON.stringify(decision.advance)}::text::jsonb)
          as r("subscriptionId" bigint, "nextDueAt" timestamptz, "nextLocalDate" date)
        where s.id = r."subscriptionId"`);
      return { planned, subscriptions: due.length };
    });
  }
}
