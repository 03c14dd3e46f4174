import { DELIVERY_DEFAULTS } from '../src/core/delivery/deliveries.ts';
import type { DeliveryStore } from '../src/core/delivery/ports.ts';
import type { RawSql } from '../src/db/raw-sql.ts';
import { timed } from './load.ts';
import { FANOUT_TENANT_PREFIX } from './seed-subscriptions.ts';

/** 30 s past a minute: the clock of minute k then takes exactly the runs due in one minute. */
export const SEEDED_FROM = new Date('2026-02-10T00:00:30Z');
/** Where the whole day's runs are all due at once (no zone changes its clocks around it). */
export const DAY_CLOCK = new Date('2026-02-10T12:00:30Z');
const MINUTE = 60_000; // ms
const SNAPSHOT = 'bench_fanout_snapshot';

export interface Minutes {
  ms: number[];
  rows: number[];
}

/** Minute k = 1…count: plans and claims at 30 s past it; then marks the claimed rows sent, untimed. */
export async function eachMinute(
  raw: RawSql,
  count: number,
  work: (now: Date) => Promise<number>,
): Promise<Minutes> {
  const minutes: Minutes = { ms: [], rows: [] };
  for (let k = 1; k <= count; k++) {
    const { ms, value } = await timed(() => work(new Date(SEEDED_FROM.getTime() + k * MINUTE)));
    minutes.ms.push(ms);
    minutes.rows.push(value);
    await raw.query(`update deliveries set status = 'sent', lease_until = null where status = 'sending'`);
  }
  return minutes;
}

/** Keeps the seeded subscriptions' next runs, so both sides start from the same rows. */
export async function snapshot(raw: RawSql): Promise<void> {
  await raw.exec(`drop table if exists ${SNAPSHOT}`);
  await raw.query(
    `create table ${SNAPSHOT} as
     select id, local_time, next_due_at, next_local_date from subscriptions where tenant_id like $1`,
    [`${FANOUT_TENANT_PREFIX}%`],
  );
  await vacuum(raw);
}

/** Back to the snapshot: no deliveries, next runs as seeded, tables vacuumed. */
export async function restore(raw: RawSql): Promise<void> {
  await raw.query(`delete from deliveries where subscription_id in (select id from ${SNAPSHOT})`);
  await raw.query(
    `update subscriptions s
     set local_time = b.local_time, next_due_at = b.next_due_at, next_local_date = b.next_local_date
     from ${SNAPSHOT} b where s.id = b.id`,
  );
  await vacuum(raw);
}

export async function removeSeed(raw: RawSql): Promise<void> {
  await raw.query(`delete from deliveries where subscription_id in (select id from ${SNAPSHOT})`);
  await raw.query(`delete from subscriptions where id in (select id from ${SNAPSHOT})`);
  await raw.query('delete from tenants where id like $1', [`${FANOUT_TENANT_PREFIX}%`]);
  await raw.exec(`drop table ${SNAPSHOT}`);
  await vacuum(raw);
}

async function vacuum(raw: RawSql): Promise<void> {
  for (const table of ['subscriptions', 'deliveries', 'tenants']) await raw.exec(`vacuum analyze ${table}`);
}

/** Claims as ticks do, `batch` rows at a time, until every due row is held; returns how many. */
export async function claimAll(store: DeliveryStore, now: Date): Promise<number> {
  let claimed = 0;
  for (;;) {
    const taken = await store.claim(now, DELIVERY_DEFAULTS.leaseMs, DELIVERY_DEFAULTS.batch);
    claimed += taken.length;
    if (taken.length < DELIVERY_DEFAULTS.batch) return claimed;
  }
}
