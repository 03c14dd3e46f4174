import { writeFile } from 'node:fs/promises';
import { type Person, readPersonId } from '../core/people.ts';
import { type ProgressFigures, progressFigures } from '../core/progress/figures.ts';
import type { Connection } from '../db/client.ts';
import { PgProgressStore } from '../db/stats-store.ts';
import { progressPicture } from '../pictures/picture.ts';
import { formatCount, formatShare, shortDate } from '../pictures/svg.ts';
import { commandUsage } from './commands.ts';
import { type CommandIo, print } from './io.ts';

export interface StatsFlags {
  person?: string | boolean | undefined;
  png?: string | boolean | undefined;
  json?: string | boolean | undefined;
}

/** `mnemo stats --person … [--png FILE] [--json]`: one person's figures, and their picture on request. */
export async function statsCommand(
  flags: StatsFlags,
  io: CommandIo,
  now: Date,
  withConnection: (run: (connection: Pick<Connection, 'db' | 'raw'>) => Promise<number>) => Promise<number>,
): Promise<number> {
  if (typeof flags.person !== 'string') {
    print(io.stderr, `mnemo stats: --person is required.\n\n${commandUsage('stats')}`);
    return 2;
  }
  const parsed = readPersonId(flags.person);
  if (!parsed.ok) {
    print(io.stderr, `mnemo stats: --person "${flags.person.slice(0, 60)}": ${parsed.why}.`);
    return 2;
  }
  // The flags are checked before the database opens: a typo costs no migration and no PGlite start.
  return withConnection((connection) => report(connection, parsed.person, flags, io, now));
}

async function report(
  connection: Pick<Connection, 'db' | 'raw'>,
  person: Person,
  flags: StatsFlags,
  io: CommandIo,
  now: Date,
): Promise<number> {
  const figures = await progressFigures(new PgProgressStore(connection), person, now);
  if (!figures) {
    print(
      io.stderr,
      `mnemo stats: no one is known as ${person.platform}:${person.externalId}: they have not used Mnemo yet.`,
    );
    return 1;
  }
  print(io.stdout, flags.json === true ? JSON.stringify(statsJson(figures)) : statsLines(figures).join('\n'));
  if (typeof flags.png === 'string') {
    const picture = await progressPicture(figures);
    await writeFile(flags.png, picture.png);
    print(io.stderr, `Wrote the progress picture to ${flags.png}: ${picture.alt}`);
  }
  return 0;
}

/** The figures as text, the ones /stats shows first. */
export function statsLines(figures: ProgressFigures): string[] {
  const { stats, person } = figures;
  const who = person.displayName
    ? `${person.displayName} (${person.platform}:${person.externalId})`
    : `${person.platform}:${person.externalId}`;
  return [
    `Progress of ${who} on ${figures.today}, ${figures.timeZone}`,
    `Reviews today: ${formatCount(stats.reviewedToday)}`,
    `Due now: ${formatCount(stats.dueNow)} · today: ${formatCount(stats.dueToday)} · tomorrow: ${formatCount(stats.dueTomorrow)} · this week: ${formatCount(stats.dueThisWeek)}`,
    `Retention over 30 days: ${formatShare(stats.retention30d)}`,
    `Streak: ${formatCount(stats.streak)} day${stats.streak === 1 ? '' : 's'}`,
    `All reviews: ${formatCount(stats.totalReviews)}`,
    `Last 365 days: ${formatCount(figures.reviewsThisYear)} reviews on ${formatCount(figures.activeDays)} days`,
    `Due in the next 30 days: ${formatCount(figures.dueNext30)}`,
    `Retention by week: ${figures.weeks.map((week) => `${shortDate(week.week)} ${formatShare(week.retention)}`).join(', ')}`,
  ];
}

/** `--json`: every figure, days and weeks included. */
function statsJson(figures: ProgressFigures) {
  const { person, ...rest } = figures;
  return {
    person: `${person.platform}:${person.externalId}`,
    displayName: person.displayName,
    ...rest,
  };
}
