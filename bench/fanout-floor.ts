import type { RawSql } from '../src/db/raw-sql.ts';

/**
 * The floor for planning: one INSERT … SELECT of a delivery for every due subscription, with the move of
 * their next runs to the next local date in the same statement, local times computed by PostgreSQL.
 * Runs are taken as on time: Mnemo's rule for days missed while every instance was down is left out.
 */
export async function floorPlan(raw: RawSql, now: Date): Promise<number> {
  const [row] = await raw.query<{ planned: number }>(
    `with due as (
       select id, local_time, time_zone, next_due_at, next_local_date from subscriptions
       where active and next_due_at <= $1::timestamptz
       for update skip locked
     ), planned as (
       insert into deliveries (subscription_id, local_date, due_at, ends_at, status)
       select id, next_local_date, next_due_at, (next_local_date + 1)::timestamp at time zone time_zone, 'pending'
       from due
       on conflict (subscription_id, local_date) do nothing
       returning 1
     ), advanced as (
       update subscriptions s
       set next_local_date = due.next_local_date + 1,
           next_due_at = (due.next_local_date + 1 + due.local_time::time) at time zone due.time_zone
       from due where s.id = due.id
       returning 1
     )
     select (select count(*) from planned)::int as planned, (select count(*) from advanced)::int as advanced`,
    [now],
  );
  return row?.planned ?? 0;
}

/**
 * The floor for claiming: one UPDATE … RETURNING of every due row, with what a sender needs. Each arm of
 * its condition matches one of the partial indexes the claim uses (drizzle/0002).
 */
export async function floorClaim(raw: RawSql, now: Date, leaseMs: number): Promise<number> {
  const rows = await raw.query(
    `update deliveries d set status = 'sending', lease_until = $2::timestamptz, attempts = d.attempts + 1
     from subscriptions s left join users u on u.id = s.user_id
     where s.id = d.subscription_id and d.id in (
       select ready.id from deliveries ready
       join subscriptions rs on rs.id = ready.subscription_id
       join tenants t on t.id = rs.tenant_id
       where t.delivery_blocked_at is null and ready.ends_at > $1::timestamptz
         and ((ready.status = 'pending' and ready.due_at <= $1::timestamptz)
           or (ready.status = 'sending' and ready.lease_until <= $1::timestamptz))
       for update of ready skip locked)
     returning d.id, d.subscription_id, s.kind, s.tenant_id, s.channel_id, s.deck_id, s.user_id,
       u.external_id, d.local_date, d.attempts, d.card_id, d.message_id`,
    [now, new Date(now.getTime() + leaseMs)],
  );
  return rows.length;
}
