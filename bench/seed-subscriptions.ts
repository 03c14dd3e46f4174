import { DateTime } from 'luxon';
import { localDateOf, nextOccurrence, occurrence } from '../src/core/delivery/local-time.ts';
import type { Database } from '../src/db/client.ts';
import type { RawSql } from '../src/db/raw-sql.ts';
import { subscriptions, tenants } from '../src/db/schema.ts';

/** 24 zones, one for each hour of offset from UTC−11 to UTC+13 (in February), half-hour India included. */
export const ZONES = [
  'Pacific/Pago_Pago',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Noumea',
  'Pacific/Auckland',
] as const;

export const FANOUT_TENANT_PREFIX = 'bench:fanout-';
const CHANNELS_PER_TENANT = 100;
const INSERT_BATCH = 5_000; // rows per INSERT: 8 parameters each, under PostgreSQL's 65,535
const MINUTES_PER_DAY = 1_440;
const STRIDE = 97; // coprime with 1,440: a zone's n-th subscription lands on every minute of the day in turn

const zoneOf = (i: number) => ZONES[i % ZONES.length] ?? 'UTC';
const minuteOf = (i: number) => (Math.floor(i / ZONES.length) * STRIDE) % MINUTES_PER_DAY;
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * `count` channel questions of the day in tenants of 100 channels, spread over 24 zones and over every
 * minute of each zone's day, with their next runs set from `from` as Community.setDaily sets them.
 */
export async function seedSubscriptions(db: Database, count: number, from: Date): Promise<void> {
  const tenantCount = Math.ceil(count / CHANNELS_PER_TENANT);
  for (let first = 0; first < tenantCount; first += INSERT_BATCH) {
    const batch = Array.from({ length: Math.min(INSERT_BATCH, tenantCount - first) }, (_, i) => ({
      id: `${FANOUT_TENANT_PREFIX}${first + i}`,
      platform: 'bench',
    }));
    await db.insert(tenants).values(batch);
  }
  for (let first = 0; first < count; first += INSERT_BATCH) {
    const batch = Array.from({ length: Math.min(INSERT_BATCH, count - first) }, (_, offset) => {
      const i = first + offset;
      const timeZone = zoneOf(i);
      const localTime = hhmm(minuteOf(i));
      const next = nextOccurrence(from, localTime, timeZone);
      return {
        tenantId: `${FANOUT_TENANT_PREFIX}${Math.floor(i / CHANNELS_PER_TENANT)}`,
        kind: 'channel' as const,
        channelId: `c${i}`,
        localTime,
        timeZone,
        nextDueAt: next.at,
        nextLocalDate: next.localDate,
        createdBy: 'bench',
      };
    });
    await db.insert(subscriptions).values(batch);
  }
}

/**
 * Makes every seeded subscription due at `now` and not yet planned: each one's local time moves into the
 * part of its zone's day already past, so one plan covers the whole day's deliveries at once.
 */
export async function makeAllDue(raw: RawSql, now: Date): Promise<void> {
  const rows = await raw.query<{ id: string; channel_id: string; time_zone: string }>(
    'select id::text, channel_id, time_zone from subscriptions where tenant_id like $1',
    [`${FANOUT_TENANT_PREFIX}%`],
  );
  const moved = rows.map((row) => {
    const i = Number(row.channel_id.slice(1));
    const local = DateTime.fromJSDate(now, { zone: row.time_zone });
    const pastMinutes = local.hour * 60 + local.minute;
    const localTime = hhmm(Math.floor((minuteOf(i) * (pastMinutes + 1)) / MINUTES_PER_DAY));
    const localDate = localDateOf(now, row.time_zone);
    const at = occurrence(localDate, localTime, row.time_zone);
    if (at > now)
      throw new Error(
        `subscription ${row.id} would be due at ${at.toISOString()}, after ${now.toISOString()}`,
      );
    return { id: Number(row.id), local_time: localTime, next_due_at: at, next_local_date: localDate };
  });
  for (let first = 0; first < moved.length; first += INSERT_BATCH * 4) {
    await raw.query(
      `update subscriptions s
       set local_time = r.local_time, next_due_at = r.next_due_at, next_local_date = r.next_local_date
       from jsonb_to_recordset($1::text::jsonb) as r(id bigint, local_time text, next_due_at timestamptz, next_local_date date)
       where s.id = r.id`,
      [JSON.stringify(moved.slice(first, first + INSERT_BATCH * 4))],
    );
  }
}
