import { problemWords, type Say, sayer } from '../../../chat/messages.ts';
import type { Person, Place } from '../../../core/people.ts';
import { isTimeZone } from '../../../core/scheduling/day.ts';
import { type SchedulingSettings, SETTING_LIMITS } from '../../../core/scheduling/settings.ts';
import { writeModalState } from '../actions.ts';
import type { ViewSubmissionPayload } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderSettingsModal, SETTINGS_FIELDS } from '../render/modals.ts';
import { slackStyle } from '../render/reply.ts';
import type { ListenerDeps } from './deps.ts';
import { readerLocale } from './locale.ts';

/** `/mnemo settings`: a modal with the person's scheduling settings and their DM reminder. */
export async function openSettings(
  deps: ListenerDeps,
  place: Place,
  person: Person,
  triggerId: string,
  responseUrl: string,
): Promise<void> {
  const [learner, reminder, locale] = await Promise.all([
    deps.quiz.settings(person),
    deps.community.reminder(place, person),
    readerLocale(deps, person),
  ]);
  const say = sayer(slackStyle(deps.command), locale);
  const view = renderSettingsModal(learner, reminder, writeModalState({ responseUrl }), say);
  await deps.api.call('views.open', (client) => client.views.open({ trigger_id: triggerId, view }));
}

/** Block id → message, as Slack shows them under the fields of a modal. */
export type FieldErrors = Record<string, string>;

interface SettingsForm {
  settings: Partial<SchedulingSettings>;
  reminder: { enabled: boolean; localTime: string };
}

/**
 * Saves a submitted settings form: every value is checked first, so a refused form stores nothing. Returns the
 * field errors to show, or the confirmation to send.
 */
export async function saveSettings(
  deps: ListenerDeps,
  place: Place,
  person: Person,
  values: ViewSubmissionPayload['view']['state']['values'],
): Promise<{ ok: false; errors: FieldErrors } | { ok: true; confirmation: SlackMessage }> {
  const say = sayer(slackStyle(deps.command), await readerLocale(deps, person));
  const form = readForm(values, say);
  if ('errors' in form) return { ok: false, errors: form.errors };
  const changed = await deps.quiz.changeSettings(person, form.settings);
  if (!changed.ok) {
    const field = changed.field === 'desiredRetention' ? 'retention' : changed.field;
    // core's own words are English: the person reads what the value must be in their language.
    return { ok: false, errors: { [blockOf(field)]: capitalise(problemWords(say, changed.field)) } };
  }
  const { learner } = changed;
  const reminder = await deps.community.setReminder(place, person, {
    enabled: form.reminder.enabled,
    localTime: form.reminder.localTime,
    timeZone: learner.timeZone,
  });
  if (!reminder.ok) {
    // Checked above already; only a change of rules in core could get here.
    return {
      ok: false,
      errors: { [SETTINGS_FIELDS.reminderTime.block]: say('settingsForm.reminderNotSaved') },
    };
  }
  const { enabled, localTime } = form.reminder;
  const saved = say('slack.saved', {
    retention: Math.round(learner.desiredRetention * 100),
    newPerDay: learner.newPerDay,
    maxReviews: learner.maxReviewsPerDay,
    timeZone: escapeText(learner.timeZone),
    reminder: enabled ? say('slack.reminderAt', { time: localTime }) : say('slack.noReminder'),
  });
  return { ok: true, confirmation: note(saved) };
}

function readForm(
  values: ViewSubmissionPayload['view']['state']['values'],
  say: Say,
): SettingsForm | { errors: FieldErrors } {
  const f = SETTINGS_FIELDS;
  const read = (field: { block: string; action: string }) => values[field.block]?.[field.action];
  const errors: FieldErrors = {};
  const whole = (field: { block: string; action: string }, min: number, max: number): number | undefined => {
    const text = read(field)?.value?.trim();
    const value = Number(text);
    if (!text || !Number.isInteger(value) || value < min || value > max) {
      errors[field.block] = say('settingsForm.wholeNumber', { min, max });
      return undefined;
    }
    return value;
  };
  const limits = SETTING_LIMITS;
  const retention = whole(
    f.retention,
    Math.round(limits.desiredRetention.min * 100),
    Math.round(limits.desiredRetention.max * 100),
  );
  const newPerDay = whole(f.newPerDay, limits.newPerDay.min, limits.newPerDay.max);
  const maxReviewsPerDay = whole(f.maxPerDay, limits.maxReviewsPerDay.min, limits.maxReviewsPerDay.max);
  // A form opened before the leech setting existed has no such field: it keeps the person's.
  const leechLapses =
    values[f.leechLapses.block] === undefined
      ? undefined
      : whole(f.leechLapses, limits.leechLapses.min, limits.leechLapses.max);
  const timeZone = read(f.timeZone)?.value?.trim() ?? '';
  if (!isTimeZone(timeZone)) errors[f.timeZone.block] = say('settingsForm.badTimeZone');
  const enabled = read(f.reminders)?.selected_option?.value === 'on';
  const localTime = read(f.reminderTime)?.selected_time ?? '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(localTime))
    errors[f.reminderTime.block] = say('settingsForm.badTime');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      ...(retention === undefined ? {} : { desiredRetention: retention / 100 }),
      ...(newPerDay === undefined ? {} : { newPerDay }),
      ...(maxReviewsPerDay === undefined ? {} : { maxReviewsPerDay }),
      ...(leechLapses === undefined ? {} : { leechLapses }),
      timeZone,
    },
    reminder: { enabled, localTime },
  };
}

function blockOf(field: 'retention' | Exclude<keyof SchedulingSettings, 'desiredRetention'>): string {
  const blocks = {
    retention: SETTINGS_FIELDS.retention.block,
    newPerDay: SETTINGS_FIELDS.newPerDay.block,
    maxReviewsPerDay: SETTINGS_FIELDS.maxPerDay.block,
    timeZone: SETTINGS_FIELDS.timeZone.block,
    leechLapses: SETTINGS_FIELDS.leechLapses.block,
  } as const;
  return blocks[field];
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
