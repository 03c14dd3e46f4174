import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { DEFAULT_LOCALE, type Locale, localeOf } from '../core/language.ts';
import type { Database } from './client.ts';
import { deliveries, prompts, subscriptions, tenants } from './schema.ts';

/** A channel question's language tag, over subscriptions and tenants: the one chosen at /daily set, else the community's. */
export const channelLocaleTag = sql<string | null>`coalesce(${subscriptions.language}, ${tenants.locale})`;

/** A tag as the language deliveries are written in: English when Mnemo does not speak it. */
export function deliveryLocaleOf(tag: string | null | undefined): Locale {
  return localeOf(tag) ?? DEFAULT_LOCALE;
}

/** The language a channel's question of the day is written in: read by the quiz for the post's count updates. */
export async function deliveryLanguage(db: Database, deliveryId: number): Promise<Locale> {
  const [row] = await db
    .select({ tag: channelLocaleTag })
    .from(deliveries)
    .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
    .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
    .where(eq(deliveries.id, deliveryId));
  return deliveryLocaleOf(row?.tag);
}

/** How many people answered a delivery's question: read by the quiz (after an answer) and by delivery (the day's end). */
export async function countDeliveryAnswers(db: Database, deliveryId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${prompts.userId})::int` })
    .from(prompts)
    .where(and(eq(prompts.deliveryId, deliveryId), isNotNull(prompts.answeredAt)));
  return row?.n ?? 0;
}
