import type { LearnerStats } from '../../../core/quiz/ports.ts';
import { count } from './view.ts';

/** /stats: reviews today, cards due today / tomorrow / this week, retention over 30 days, streak. */
export function statsText(stats: LearnerStats): string {
  const retention =
    stats.retention30d === null ? 'no reviews yet' : `${Math.round(stats.retention30d * 100)}%`;
  return [
    '📊 **Your progress** (it follows you across servers)',
    `Reviews today: **${stats.reviewedToday}**`,
    `Due today: **${stats.dueToday}** · tomorrow: **${stats.dueTomorrow}** · this week: **${stats.dueThisWeek}**`,
    `Retention over 30 days: **${retention}**`,
    `Streak: **${count(stats.streak, 'day')}**`,
  ].join('\n');
}
