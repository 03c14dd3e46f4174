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
  const wall = wallClock(localDate, hour ?? 0, minute ?? 0);
  const steady = steadyOffset(zone, localDate);
  if (steady !== null) return new Date(wall - steady * MINUTE);
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

const steadyOffsets = new Map<string, number | null>();
const STEADY_OFFSETS_KEPT = 10_000; // (zone, date) pairs: a day's planning meets a few dozen

/**
 * The zone's offset (minutes) when it holds from the day before the local date to the day after, which is
 * every day but those with a clock change near them; else null. Remembered: each reading of a zone's offset
 * asks Intl, and planning a day asks for the same few zones and dates thousands of times.
 */
function steadyOffset(zone: IANAZone, localDate: string): number | null {
  const key = `${zone.name} ${localDate}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    const midnight = wallClock(localDate, 0, 0);
    const readings = [midnight - DAY, midnight, midnight + DAY, midnight + 2 * DAY].map((at) =>
      zone.offset(at),
    );
    offset = readings.every((reading) => reading === readings[0]) ? (readings[0] ?? null) : null;
    if (steadyOffsets.size >= STEADY_OFFSETS_KEPT) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  return offset;
}

/** A local date and time read as if it were UTC, in ms: the wall clock, before any zone applies. */
function wallClock(localDate: string, hour: number, minute: number): number {
  const [year, month, day] = localDate.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/** The local date after `localDate`. */
export function nextLocalDate(localDate: string): string {
  return new Date(wallClock(localDate, 0, 0) + DAY).toISOString().slice(0, 10);
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
