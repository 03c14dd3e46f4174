import { commandRequestOf, type Options, type OptionValue } from '../../../chat/command-options.ts';
import { DECK_IMPORT_FORM } from '../../../chat/forms.ts';
import { chooseLocale } from '../../../chat/i18n/locale.ts';
import { type Say, wordsOf } from '../../../chat/messages.ts';
import { settingsForm } from '../../../chat/settings-form.ts';
import { writeModalState } from '../actions.ts';
import { personOf, placeOf } from '../identity.ts';
import type { CommandPayload } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderHelp, slackStyle } from '../render/reply.ts';
import { respondTo } from '../send/respond.ts';
import { workspaceRights } from '../send/user-locales.ts';
import { answer, type ListenerDeps, openForm, readerLocale, type Step, sayIn } from './steps.ts';
import type { Subcommand } from './subcommand.ts';

/** A subcommand being answered: who typed it, where, and in which language help is said. */
interface Asked {
  deps: ListenerDeps;
  payload: CommandPayload;
  step: Step;
  /** Help and usage are said without asking Slack: in the person's chosen language, else English. */
  chosen: () => Promise<Say>;
}

type Answer<N extends Subcommand['name']> = (
  asked: Asked,
  sub: Extract<Subcommand, { name: N }>,
) => Promise<void>;

/**
 * `/mnemo <subcommand>`. Every reply is ephemeral: only the person who typed it sees it, a leaderboard's
 * too (a slash command's text is never shown).
 */
export async function runSubcommand(
  deps: ListenerDeps,
  payload: CommandPayload,
  sub: Subcommand,
  ack: (message?: SlackMessage) => Promise<void>,
): Promise<void> {
  const place = placeOf(payload.team_id, payload.team_domain);
  const person = personOf(payload.team_id, payload.user_id, payload.user_name);
  const step: Step = {
    place,
    person,
    reply: (message, mode) => respondTo(payload.response_url, message, mode),
  };
  const chosen = async () => sayIn(deps, chooseLocale(await deps.quiz.language(person), null));
  if (sub.name === 'help') return ack(renderHelp(deps.command, await chosen()));
  if (sub.name === 'unknown') {
    const say = await chosen();
    return ack(renderHelp(deps.command, say, say('slack.unknownWord', { word: escapeText(sub.word) })));
  }
  // Everything else reads or writes the database: acknowledge first, answer through response_url.
  await ack();
  const run = ANSWERS[sub.name] as (asked: Asked, sub: Subcommand) => Promise<void>;
  await run({ deps, payload, step, chosen }, sub);
}

/** The one table of `/mnemo <subcommand>` (help aside): each to the flow that answers it. */
const ANSWERS: { [N in Exclude<Subcommand['name'], 'help' | 'unknown'>]: Answer<N> } = {
  quiz: (asked, { deck, tag, practice }) => named(asked, 'quiz', null, { practice, ...given({ deck, tag }) }),
  stats: (asked) => named(asked, 'stats'),
  decks: (asked) => named(asked, 'deck', 'list'),
  leaderboard: (asked, { period }) => named(asked, 'leaderboard', null, { period }),
  reschedule: (asked) => named(asked, 'settings', null, { reschedule: true }),
  'settings-suspended': (asked) => named(asked, 'settings'),
  language: async (asked, { language }) => {
    // `auto`: the person's Slack language.
    const appLocale = await asked.deps.locales.of(asked.payload.team_id, asked.payload.user_id);
    return named(asked, 'settings', null, { language: language ?? 'auto' }, { appLocale });
  },
  settings: async ({ deps, payload, step }) => {
    const [learner, reminder, locale] = await Promise.all([
      deps.quiz.settings(step.person),
      deps.community.reminder(step.place, step.person),
      readerLocale(deps, step.person),
    ]);
    const opened = writeModalState({ responseUrl: payload.response_url });
    return openForm(deps, settingsForm(learner, reminder), opened, payload.trigger_id, locale);
  },
  'deck-import': async ({ deps, payload, step }) => {
    // The trigger lasts 3 s: the form opens straight after one users.info. Others are told at once.
    const [{ isAdmin }, locale] = await Promise.all([
      workspaceRights(deps.api, payload.user_id),
      readerLocale(deps, step.person),
    ]);
    const opened = writeModalState({ responseUrl: payload.response_url });
    if (isAdmin) return openForm(deps, DECK_IMPORT_FORM, opened, payload.trigger_id, locale);
    const words = wordsOf({ code: 'DECK_ADMINS_ONLY' }, slackStyle(deps.command), locale);
    return step.reply(note(words), 'ephemeral');
  },
  'daily-usage': async ({ deps, step, chosen }) =>
    step.reply(note(dailyUsage(await chosen(), deps.command)), 'ephemeral'),
  'deck-leeches': (asked) => asAdmin(asked, 'deck', 'leeches'),
  'daily-list': (asked) => asAdmin(asked, 'daily', 'list'),
  'daily-off': (asked, { channelId }) => asAdmin(asked, 'daily', 'off', { channel: channelId }),
  'daily-set': (asked, { channelId, localTime, timeZone, deck, language }) => {
    const more = given({ timezone: timeZone, deck, language });
    return asAdmin(asked, 'daily', 'set', { channel: channelId, time: localTime, ...more });
  },
  'privacy-export': (asked) => named(asked, 'privacy', 'export'),
  'privacy-delete': (asked) => named(asked, 'privacy', 'delete'),
  // As Discord's `/settings leaderboard:…`, a privacy choice.
  'leaderboard-visibility': ({ deps, step }, { hidden }) =>
    answer(deps, { flow: 'privacy', action: { kind: 'leaderboardVisibility', hidden } }, step),
  'deck-export': (asked, { deck, format }) => named(asked, 'deck', 'export', { deck, format }),
  'deck-visibility': (asked, { deck, hidden }) => named(asked, 'deck', hidden ? 'hide' : 'show', { deck }),
};

/** The options given: null is an option left out. */
const given = (options: Record<string, OptionValue | null>): Options =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null)) as Options;

/**
 * A command of the catalog (src/chat/command-catalog.ts) with its options, decoded into its request by the
 * chat layer as Discord's are (src/chat/command-options.ts).
 */
function named(
  { deps, payload, step }: Asked,
  command: string,
  subcommand: string | null = null,
  options: Options = {},
  asked?: Parameters<typeof answer>[3],
) {
  const request = commandRequestOf({ command, subcommand, options, channelId: payload.channel_id });
  return answer(deps, request, step, asked);
}

/** For workspace admins: their rights (and time zone) read from Slack on every request, before anything is stored. */
async function asAdmin(asked: Asked, command: string, subcommand: string, options: Options = {}) {
  const rights = await workspaceRights(asked.deps.api, asked.payload.user_id);
  // `daily` without a time zone: the admin's own, as Slack knows it.
  if (subcommand === 'set') options.timezone ??= rights.timeZone ?? 'UTC';
  return named(asked, command, subcommand, options, {
    isAdmin: rights.isAdmin,
    appLocale: rights.locale,
    // Slack tells no workspace language: the admin's who sets the question is taken as the community's.
    ...(subcommand === 'set' ? { communityLocale: rights.locale } : {}),
  });
}

function dailyUsage(say: Say, c: string): string {
  const usage = (['set', 'off', 'list'] as const).map((key) => `• ${say(`slack.dailyUsage.${key}`, { c })}`);
  return [say('slack.dailyUsage.title'), ...usage, say('slack.dailyUsage.tip')].join('\n');
}
