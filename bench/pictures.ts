import type { LeaderboardRow } from '../src/core/community/ports.ts';
import { addDays } from '../src/core/progress/calendar.ts';
import { assembleFigures, type ProgressFigures } from '../src/core/progress/figures.ts';
import { leaderboardPicture, progressPicture } from '../src/pictures/picture.ts';
import { percentile } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const TODAY = '2026-11-28';

/** A busy year: reviews on most days (up to 400 a day), cards due on each of the next 30 days. */
function busyYear(): ProgressFigures {
  const reviewed = Array.from({ length: 365 }, (_, i) => ({
    date: addDays(TODAY, -i),
    reviews: (i * 37) % 401,
    recalled: Math.floor(((i * 37) % 401) * 0.9),
  })).filter((day) => day.reviews > 0);
  const due = Array.from({ length: 30 }, (_, i) => ({ date: addDays(TODAY, i), due: 20 + ((i * 53) % 180) }));
  const person = {
    userId: 1,
    platform: 'discord',
    externalId: '1',
    displayName: 'A bench person',
    timeZone: 'Europe/Berlin',
  };
  return assembleFigures(person, TODAY, reviewed, due, {
    dueNow: 40,
    dueToday: 40,
    dueTomorrow: 70,
    dueThisWeek: 600,
    reviewedToday: 120,
    retention30d: 0.9,
    streak: 200,
    totalReviews: 70_000,
  });
}

/**
 * ms per progress picture (SVG built, drawn to PNG by resvg, on resvg's worker thread) and per leaderboard
 * picture; the first pays the font unwrap. The CPU time counts every thread of the process.
 */
export async function picturesSuite(sizes: Sizes): Promise<Result[]> {
  const figures = busyYear();
  const first = await timed(() => progressPicture(figures));
  const progressMs: number[] = [];
  // CPU time as well as wall time: on a shared machine the wall time measures the neighbours too.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < sizes.pictureRenders; i++) progressMs.push(await timed(() => progressPicture(figures)));
  const cpu = process.cpuUsage(cpuBefore);
  const progressCpuMs = (cpu.user + cpu.system) / 1_000 / sizes.pictureRenders;
  const rows: LeaderboardRow[] = Array.from({ length: 10 }, (_, i) => ({
    userId: i + 1,
    platform: 'discord',
    externalId: String(i + 1),
    displayName: `Member with a long name ${i + 1}`,
    reviews: 500 - i * 37,
    accuracy: 0.8,
    streak: i,
  }));
  const leaderboardMs: number[] = [];
  for (let i = 0; i < sizes.pictureRenders; i++)
    leaderboardMs.push(await timed(() => leaderboardPicture(rows, 'the last 7 days')));
  progressMs.sort((a, b) => a - b);
  leaderboardMs.sort((a, b) => a - b);
  return [
    result('pictures_progress_first', first, 'ms'),
    result('pictures_progress_p50', percentile(progressMs, 50), 'ms'),
    result('pictures_progress_p95', percentile(progressMs, 95), 'ms'),
    result('pictures_progress_cpu_mean', progressCpuMs, 'ms'),
    result('pictures_leaderboard_p50', percentile(leaderboardMs, 50), 'ms'),
    result('pictures_leaderboard_p95', percentile(leaderboardMs, 95), 'ms'),
  ];
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
