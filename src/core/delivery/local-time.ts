import { DateTime, IANAZone } from 'luxon';
import { remember } from '../memo.ts';

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

// Pure results, remembered for the process: planning a day asks for the same few zones and dates
// thousands of times, and each reading of a zone's offset asks Intl.
const KEPT = 10_000; // entries per cache: a day's planning meets a few dozen
const steadyOffsets = new Map<string, number | null>();
const days = new Map<string, { midnight: number; next: string }>();

/**
 * The zone's offset (minutes) when it holds from the day before the local date to the day after, which is
 * every day but those with a clock change near them; else null.
 */
function steadyOffset(zone: IANAZone, localDate: string): number | null {
  return remember(
    steadyOffsets,
    `${zone.name} ${localDate}`,
    () => {
      const midnight = dayOf(localDate).midnight;
      const readings = [midnight - DAY, midnight, midnight + DAY, midnight + 2 * DAY].map((at) =>
        zone.offset(at),
      );
      return readings.every((reading) => reading === readings[0]) ? (readings[0] ?? null) : null;
    },
    KEPT,
  );
}

/** A local date's midnight read as if it were UTC (ms), and the date after it. */
function dayOf(localDate: string): { midnight: number; next: string } {
  return remember(
    days,
    localDate,
    () => {
      const [year, month, day] = localDate.split('-').map(Number);
      const midnight = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
      return { midnight, next: new Date(midnight + DAY).toISOString().slice(0, 10) };
    },
    KEPT,
  );
}

/** A local date and time read as if it were UTC, in ms: the wall clock, before any zone applies. */
function wallClock(localDate: string, hour: number, minute: number): number {
  return dayOf(localDate).midnight + (hour * 60 + minute) * MINUTE;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/** The local date after `localDate`. */
export function nextLocalDate(localDate: string): string {
  return dayOf(localDate).next;
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
