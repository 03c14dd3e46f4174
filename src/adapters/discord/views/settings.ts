import type { Reminder } from '../../../core/community/ports.ts';
import type { Learner } from '../../../core/quiz/ports.ts';
import type { SchedulingSettings, SettingsRefusal } from '../../../core/scheduling/settings.ts';

/** /settings: the person's scheduling settings, and their DM reminder in this server. */
export function settingsText(
  learner: Learner,
  reminder: Reminder | null | 'no server',
  changed: boolean,
): string {
  const lines = [
    changed ? '✅ **Settings saved.**' : '⚙️ **Your settings** (they follow you across servers)',
    `Desired retention: **${Math.round(learner.desiredRetention * 100)}%**`,
    `New cards per day: **${learner.newPerDay}**`,
    `Maximum reviews per day: **${learner.maxReviewsPerDay}**`,
    `Time zone: **${learner.timeZone}**`,
  ];
  if (reminder === 'no server') {
    lines.push('-# DM reminders belong to a server: use `/settings` there to turn them on or off.');
  } else {
    const state = reminder?.enabled
      ? `**on**, at **${reminder.localTime}** (${reminder.timeZone})`
      : '**off** (`/settings reminders:True` to get one)';
    lines.push(`DM reminders in this server: ${state}`);
  }
  if (!changed) {
    lines.push('-# Change them with the options of `/settings`, e.g. `/settings new_per_day:10`.');
  }
  return lines.join('\n');
}

const FIELD_NAMES = {
  desiredRetention: 'Desired retention (`retention`)',
  newPerDay: 'New cards per day (`new_per_day`)',
  maxReviewsPerDay: 'Maximum reviews per day (`max_reviews`)',
  timeZone: 'Time zone (`timezone`)',
} as const satisfies Record<keyof SchedulingSettings, string>;

export function settingRefusalText(refusal: SettingsRefusal): string {
  return `Nothing was changed: ${FIELD_NAMES[refusal.field]} ${refusal.message}.`;
}
