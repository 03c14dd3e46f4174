import type { DateParts } from '../core/grading/language.ts';
import { fold } from './spelling.ts';

function monthNames(lang: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++)
      names.set(fold(format.format(Date.UTC(2000, m, 1))).replace(/\.$/, ''), m + 1);
  }
  return names;
}

/**
 * "November 1989", "novembre 1989", "nov. de 1989": a month and a year, in the language's own month names
 * (from Intl), for the chrono locales that read only full dates.
 */
export function monthYearReader(lang: string): (text: string) => DateParts[] {
  const names = monthNames(lang);
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).join('|');
  const pattern = new RegExp(
    `(?:^|[^\\p{L}])(${alternatives})\\.?\\s+(?:(?:de|of)\\s+)?(\\d{3,4})(?!\\d)`,
    'u',
  );
  return (text) => {
    const found = pattern.exec(fold(text));
    const month = names.get(found?.[1] ?? '');
    return found && month ? [{ year: Number(found[2]), month }] : [];
  };
}
