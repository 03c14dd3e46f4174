import { refusalOf } from '../../../chat/commands.ts';
import { wordsOf } from '../../../chat/messages.ts';
import { isTimeZone } from '../../../core/scheduling/day.ts';
import { checkSettings, type SchedulingSettings } from '../../../core/scheduling/settings.ts';
import { personOf, placeOf } from '../identity.ts';
import type { CommandInteraction, OptionValue } from '../interaction.ts';
import { whisper } from '../reply.ts';
import { DISCORD_STYLE } from '../style.ts';
import { settingRefusalText, settingsText } from '../views/settings.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * `/settings`: with no option, the caller's settings; with options, changes them. Scheduling settings are the
 * person's (they follow them across servers); the DM reminder belongs to this server.
 */
export async function settingsCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const { options } = interaction;
  const person = personOf(interaction);
  const place = placeOf(interaction);
  const patch = schedulingPatch(options);
  const reminder = reminderChange(options);
  // Everything is checked before anything is stored, so a refused command changes nothing.
  const refusal = checkSettings(patch, isTimeZone);
  if (refusal) return answer(whisper(settingRefusalText(refusal)));
  if (reminder && !place) {
    return answer(whisper('Nothing was changed: DM reminders belong to a server. Use `/settings` there.'));
  }
  if (reminder?.localTime !== undefined && !LOCAL_TIME.test(reminder.localTime)) {
    const words = wordsOf({ code: 'BAD_TIME', value: reminder.localTime }, DISCORD_STYLE);
    return answer(whisper(`Nothing was changed: ${words}`));
  }

  let learner = await context.quiz.settings(person);
  if (Object.keys(patch).length > 0) {
    const changed = await context.quiz.changeSettings(person, patch);
    if (!changed.ok) return answer(whisper(settingRefusalText(changed)));
    learner = changed.learner;
  }
  if (!place) return answer(whisper(settingsText(learner, 'no server', Object.keys(patch).length > 0)));
  if (reminder) {
    const current = await context.community.reminder(place, person);
    const set = await context.community.setReminder(place, person, {
      // Giving a time asks for reminders; only reminders:False turns them off.
      enabled: reminder.enabled ?? current?.enabled ?? true,
      ...(reminder.localTime === undefined ? {} : { localTime: reminder.localTime }),
      timeZone: learner.timeZone,
    });
    if (!set.ok) return answer(whisper(wordsOf(refusalOf(set), DISCORD_STYLE)));
  }
  const changed = Object.keys(patch).length > 0 || reminder !== null;
  return answer(whisper(settingsText(learner, await context.community.reminder(place, person), changed)));
}

function schedulingPatch(options: Record<string, OptionValue>): Partial<SchedulingSettings> {
  const patch: Partial<SchedulingSettings> = {};
  if (typeof options.retention === 'number') patch.desiredRetention = options.retention;
  if (typeof options.new_per_day === 'number') patch.newPerDay = options.new_per_day;
  if (typeof options.max_reviews === 'number') patch.maxReviewsPerDay = options.max_reviews;
  if (typeof options.timezone === 'string') patch.timeZone = options.timezone.trim();
  return patch;
}

function reminderChange(
  options: Record<string, OptionValue>,
): { enabled?: boolean; localTime?: string } | null {
  const enabled = typeof options.reminders === 'boolean' ? options.reminders : undefined;
  const localTime = typeof options.reminder_time === 'string' ? options.reminder_time.trim() : undefined;
  if (enabled === undefined && localTime === undefined) return null;
  return {
    ...(enabled === undefined ? {} : { enabled }),
    ...(localTime === undefined ? {} : { localTime }),
  };
}
