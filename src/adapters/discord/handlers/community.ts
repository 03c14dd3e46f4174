import type { CommandAction } from '../../../chat/action.ts';
import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { runCommand } from '../../../chat/commands.ts';
import { isLocale, type Locale, localeFor } from '../../../chat/i18n/locale.ts';
import type { LeaderboardPeriod } from '../../../core/community/ports.ts';
import type { SchedulingSettings } from '../../../core/scheduling/settings.ts';
import { renderReply } from '../chat.ts';
import { actorOf, placeOf } from '../identity.ts';
import type { CommandInteraction, OptionValue } from '../interaction.ts';
import { EVERY_DECK_CHOICE } from './autocomplete.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';
import { privacyAnswer } from './privacy.ts';

const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/**
 * `/stats`, `/settings`, `/deck list | info <deck>`, `/leaderboard [period]` and `/daily set | off | list`, decoded into the
 * chat layer's actions.
 */
export function commandActionOf(interaction: CommandInteraction): CommandAction {
  const { command, subcommand, options } = interaction;
  if (command === 'stats') return { kind: 'stats' };
  if (command === 'settings') return { kind: 'settings', ...settingsOf(options), ...languageOf(options) };
  if (command === 'daily') {
    const channelId = String(options.channel ?? interaction.channelId ?? '');
    if (subcommand === 'off') return { kind: 'stopDaily', channelId };
    if (subcommand !== 'set') return { kind: 'listDailies' };
    const deck = String(options.deck ?? EVERY_DECK_CHOICE).trim();
    return {
      kind: 'setDaily',
      channelId,
      localTime: String(options.time ?? '').trim(),
      timeZone: String(options.timezone ?? '').trim(),
      deckId: deck === EVERY_DECK_CHOICE || deck === '' ? null : deck,
      ...(typeof options.language === 'string' && isLocale(options.language)
        ? { language: options.language }
        : {}),
    };
  }
  if (command === 'leaderboard') {
    return { kind: 'leaderboard', period: PERIODS.find((name) => name === options.period) ?? 'week' };
  }
  if (subcommand === 'info') return { kind: 'deckInfo', deckId: String(options.deck ?? '').trim() };
  if (subcommand === 'leeches') return { kind: 'leeches' };
  return { kind: 'decks' };
}

/** A community command: decode, run the flow, render. */
export async function communityCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  // Manage Server is read from this interaction's member permissions: a server's admins can override
  // a command's default_member_permissions.
  const { isAdmin, ...person } = actorOf(interaction);
  const appLocale = interaction.locale;
  const actor = {
    place: placeOf(interaction),
    person,
    isAdmin,
    request: interaction.id,
    appLocale,
    communityLocale: interaction.guildLocale,
  };
  const action = commandActionOf(interaction);
  const leaderboard = interaction.options.leaderboard;
  if (action.kind === 'settings' && (leaderboard === 'on' || leaderboard === 'off')) {
    const shown = await privacyAnswer(
      interaction,
      { kind: 'leaderboardVisibility', hidden: leaderboard === 'off' },
      context,
    );
    // Only leaderboard:…: its answer; with other settings, theirs (the settings saved).
    if (Object.keys(interaction.options).length === 1) return shown;
  }
  const [reply, locale] = await Promise.all([
    runCommand(context, action, actor),
    localeFor(context.quiz, person, appLocale),
    actor.place && context.community.noteLocale(actor.place, interaction.guildLocale),
  ]);
  return answer(renderReply(reply, NOTHING_CARRIED, locale));
}

/** `/settings language:<en|es|de|ja|auto>`: the language Mnemo writes in; auto: the Discord app's. */
function languageOf(options: Record<string, OptionValue>): { language?: Locale | null } {
  const chosen = options.language;
  if (chosen === 'auto') return { language: null };
  return typeof chosen === 'string' && isLocale(chosen) ? { language: chosen } : {};
}

/** `/settings` options: scheduling settings, and the DM reminder in this server. */
function settingsOf(
  options: Record<string, OptionValue>,
): Omit<Extract<CommandAction, { kind: 'settings' }>, 'kind'> {
  const patch: Partial<SchedulingSettings> = {};
  if (typeof options.retention === 'number') patch.desiredRetention = options.retention;
  if (typeof options.new_per_day === 'number') patch.newPerDay = options.new_per_day;
  if (typeof options.max_reviews === 'number') patch.maxReviewsPerDay = options.max_reviews;
  if (typeof options.timezone === 'string') patch.timeZone = options.timezone.trim();
  if (typeof options.leech_lapses === 'number') patch.leechLapses = options.leech_lapses;
  const enabled = typeof options.reminders === 'boolean' ? options.reminders : undefined;
  const localTime = typeof options.reminder_time === 'string' ? options.reminder_time.trim() : undefined;
  const reschedule = options.reschedule === true ? { reschedule: true } : {};
  if (enabled === undefined && localTime === undefined) return { patch, reminder: null, ...reschedule };
  return {
    patch,
    ...reschedule,
    reminder: {
      ...(enabled === undefined ? {} : { enabled }),
      ...(localTime === undefined ? {} : { localTime }),
    },
  };
}
