import { DateTime, IANAZone } from 'luxon';

export interface LocalDay {
  start: Date;
  end: Date;
  /** YYYY-MM-DD */
  date: string;
}

/**
 * The last day worked out per zone: every card shown needs the person's day, and luxon's zone arithmetic
 * costs more than the rest of choosing the card. Bounded by the number of zones in use.
 */
const lastDay = new Map<string, LocalDay>();

/** The span of the local calendar day that contains `now` in `timeZone`. */
export function localDay(now: Date, timeZone: string): LocalDay {
  const known = lastDay.get(timeZone);
  const at = now.getTime();
  if (known && known.start.getTime() <= at && at < known.end.getTime()) return copy(known);
  const local = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const day = {
    start: local.toJSDate(),
    end: local.plus({ days: 1 }).toJSDate(),
    date: local.toISODate() ?? '',
  };
  lastDay.set(timeZone, day);
  return copy(day);
}

/** Callers get Dates of their own: the remembered day must not change under them. */
function copy(day: LocalDay): LocalDay {
  return { start: new Date(day.start), end: new Date(day.end), date: day.date };
}

export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** Made once: a formatter costs far more to make than to use, and every verdict uses one. */
const RELATIVE_TIMES = new Map<string, Intl.RelativeTimeFormat>();

function relativeTime(locale: string): Intl.RelativeTimeFormat {
  let format = RELATIVE_TIMES.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    RELATIVE_TIMES.set(locale, format);
  }
  return format;
}

/** "in 10 minutes", "tomorrow", "in 3 weeks" ("mañana", "in 3 Wochen"): when a card comes back, in words. */
export function describeWhen(due: Date, now: Date, locale = 'en'): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  const words = relativeTime(locale);
  if (minutes <= 0) return words.format(0, 'second');
  if (minutes < 60) return words.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return words.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 14) return words.format(days, 'day');
  if (days < 60) return words.format(Math.round(days / 7), 'week');
  if (days < 365) return words.format(Math.round(days / 30), 'month');
  return words.format(Math.round((days / 365) * 10) / 10, 'year');
}
