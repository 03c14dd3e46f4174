import type { Reminder } from '../core/community/ports.ts';
import type { Learner } from '../core/quiz/ports.ts';
import { isTimeZone } from '../core/scheduling/day.ts';
import { type SchedulingSettings, SETTING_LIMITS } from '../core/scheduling/settings.ts';
import type { CommandAction } from './action.ts';
import { type CommandActor, type CommandPorts, runCommand } from './commands.ts';
import type { Form, FormField, FormValues } from './forms.ts';
import { problemWords, type Say } from './messages.ts';
import type { Reply } from './reply.ts';

/** The settings form's field ids (Slack's block ids, which forms already open send back). */
export const SETTINGS_FIELDS = {
  desiredRetention: 'retention',
  newPerDay: 'new_per_day',
  maxReviewsPerDay: 'max_per_day',
  timeZone: 'time_zone',
  leechLapses: 'leech_lapses',
  reminders: 'reminders',
  reminderTime: 'reminder_time',
} as const satisfies Record<keyof SchedulingSettings | 'reminders' | 'reminderTime', string>;

/** Field id → what is wrong with its value, in the person's language. */
export type FieldErrors = Record<string, string>;

const f = SETTINGS_FIELDS;
const L = SETTING_LIMITS;
/** The whole-number fields, retention as a percentage. */
const NUMBERS = [
  ['desiredRetention', 'settingsForm.retention', 100, 'settingsForm.retentionHint'],
  ['newPerDay', 'settingsForm.newPerDay', 1],
  ['maxReviewsPerDay', 'settingsForm.maxPerDay', 1],
  ['leechLapses', 'settingsForm.leechLapses', 1, 'settingsForm.leechLapsesHint'],
] as const;

/** The person's scheduling settings and their DM reminder here, as a form. */
export function settingsForm(learner: Learner, reminder: Reminder | null): Form {
  const numbers = NUMBERS.map(([name, label, scale, hint]): FormField => {
    const field: FormField = {
      id: f[name],
      kind: 'number',
      label,
      initial: Math.round(learner[name] * scale),
      min: Math.round(L[name].min * scale),
      max: Math.round(L[name].max * scale),
    };
    return hint ? { ...field, hint } : field;
  });
  return {
    id: 'settings',
    title: 'settingsForm.title',
    submit: 'settingsForm.save',
    close: 'settingsForm.cancel',
    fields: [
      ...numbers,
      {
        id: f.timeZone,
        kind: 'text',
        label: 'settingsForm.timeZone',
        hint: 'settingsForm.timeZoneHint',
        initial: learner.timeZone,
        maxLength: 64,
      },
      {
        id: f.reminders,
        kind: 'switch',
        label: 'settingsForm.reminders',
        initial: reminder?.enabled ?? false,
      },
      {
        id: f.reminderTime,
        kind: 'time',
        label: 'settingsForm.reminderTime',
        initial: reminder?.localTime ?? '09:00',
      },
    ],
  };
}

/**
 * A submitted settings form as the settings command, or every field's problem at once (nothing is stored
 * then). A form opened before the leech setting existed has no such field: it keeps the person's.
 */
function readSettingsForm(
  values: FormValues,
  say: Say,
): { ok: true; action: Extract<CommandAction, { kind: 'settings' }> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const patch: Partial<SchedulingSettings> = {};
  for (const [name, , scale] of NUMBERS) {
    const text = values[f[name]]?.trim();
    if (name === 'leechLapses' && !(f[name] in values)) continue;
    const [min, max] = [Math.round(L[name].min * scale), Math.round(L[name].max * scale)];
    const value = Number(text);
    if (!text || !Number.isInteger(value) || value < min || value > max)
      errors[f[name]] = say('settingsForm.wholeNumber', { min, max });
    else patch[name] = value / scale;
  }
  const timeZone = values[f.timeZone]?.trim() ?? '';
  if (!isTimeZone(timeZone)) errors[f.timeZone] = say('settingsForm.badTimeZone');
  const localTime = values[f.reminderTime] ?? '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(localTime)) errors[f.reminderTime] = say('settingsForm.badTime');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reminder = { enabled: values[f.reminders] === 'on', localTime };
  return { ok: true, action: { kind: 'settings', patch: { ...patch, timeZone }, reminder } };
}

/**
 * A submitted settings form, through the settings command: every value is checked first, so a refused form
 * stores nothing. The settings and reminder as saved, or the errors to show under the fields.
 */
export async function submitSettingsForm(
  ports: CommandPorts,
  values: FormValues,
  actor: CommandActor,
  say: Say,
): Promise<
  { ok: true; learner: Learner; reminder: Reminder | null; reply: Reply } | { ok: false; errors: FieldErrors }
> {
  const form = readSettingsForm(values, say);
  if (!form.ok) return form;
  const reply = await runCommand(ports, form.action, actor);
  const saved = reply.body.kind === 'message' ? reply.body.message : null;
  if (saved?.code === 'BAD_SETTING') {
    // core's own words are English: the person reads what the value must be in their language.
    const text = problemWords(say, saved.field);
    return { ok: false, errors: { [f[saved.field]]: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` } };
  }
  if (saved?.code === 'SETTINGS' && saved.reminder !== 'no place') {
    return { ok: true, learner: saved.learner, reminder: saved.reminder, reply };
  }
  // Checked above already; only a change of rules in core could get here.
  return { ok: false, errors: { [f.reminderTime]: say('settingsForm.reminderNotSaved') } };
}
