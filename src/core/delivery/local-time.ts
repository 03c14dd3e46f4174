import { DateTime, IANAZone } from 'luxon';

const MINUTE = 60_000; // ms
const DAY = 86_400_000; // ms

/**
 * The instant a local wall-clock time happens on a local date in a time zone. A time that happens twice
 * (clocks going back) is its first occurrence; a time that does not exist (clocks going forward) is the
 * next valid minute, the moment the clocks jump.
 */
export function occurrence(localDate: string, localTime: string, timeZone: string): Date {
  const zone = IANAZone.create(timeZone);
  const [hour, minute] = localTime.split(':').map(Number);
  const wall = DateTime.fromISO(localDate, { zone: 'utc' })
    .set({ hour: hour ?? 0, minute: minute ?? 0 })
    .toMillis();
  // Every offset the zone has around that date: the wall time minus a valid offset is a valid instant.
  const offsets = [...new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)])];
  const valid = offsets
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => zone.offset(instant) * MINUTE === wall - instant);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: find the jump between the two readings of the wall time, to the minute.
  let before = Math.min(...offsets.map((offset) => wall - offset * MINUTE));
  let after = Math.max(...offsets.map((offset) => wall - offset * MINUTE));
  const offsetBefore = zone.offset(before);
  while (after - before > MINUTE) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (zone.offset(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return new Date(after);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/** The local date after `localDate`. */
export function nextLocalDate(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? '';
}

/**
 * The next time a daily local time is due at or after `from`: today's occurrence if it is still ahead,
 * else tomorrow's. Returns the instant and the local date it belongs to.
 */
export function nextOccurrence(
  from: Date,
  localTime: string,
  timeZone: string,
): { at: Date; localDate: string } {
  const today = localDateOf(from, timeZone);
  const at = occurrence(today, localTime, timeZone);
  if (at.getTime() >= from.getTime()) return { at, localDate: today };
  const tomorrow = nextLocalDate(today);
  return { at: occurrence(tomorrow, localTime, timeZone), localDate: tomorrow };
}
