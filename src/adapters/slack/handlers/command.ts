import { type CommandAction, RESCHEDULE } from '../../../chat/action.ts';
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
  quiz: ({ deps, step }, sub) => {
    const action = { kind: sub.practice ? 'practice' : 'quiz', deckId: sub.deck, tag: sub.tag } as const;
    return answer(deps, { flow: 'study', action }, step);
  },
  stats: (asked) => command(asked, { kind: 'stats' }),
  decks: (asked) => command(asked, { kind: 'decks' }),
  leaderboard: (asked, sub) => command(asked, { kind: 'leaderboard', period: sub.period }),
  reschedule: (asked) => command(asked, RESCHEDULE),
  'settings-suspended': (asked) => command(asked, { kind: 'settings', patch: {}, reminder: null }),
  language: async (asked, sub) => {
    const appLocale = await asked.deps.locales.of(asked.payload.team_id, asked.payload.user_id);
    const action: CommandAction = { kind: 'settings', patch: {}, reminder: null, language: sub.language };
    return command(asked, action, { appLocale });
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
  'deck-leeches': (asked) => asAdmin(asked, () => ({ kind: 'leeches' })),
  'daily-list': (asked) => asAdmin(asked, () => ({ kind: 'listDailies' })),
  'daily-off': (asked, sub) => asAdmin(asked, () => ({ kind: 'stopDaily', channelId: sub.channelId })),
  'daily-set': (asked, { channelId, localTime, timeZone, deck, language }) =>
    // Without a time zone, the admin's own, as Slack knows it.
    asAdmin(asked, (zone) => ({
      kind: 'setDaily',
      channelId,
      localTime,
      timeZone: timeZone ?? zone ?? 'UTC',
      deckId: deck,
      ...(language ? { language } : {}),
    })),
  'privacy-export': ({ deps, step }) =>
    answer(deps, { flow: 'privacy', action: { kind: 'exportData' } }, step),
  'privacy-delete': ({ deps, step }) => answer(deps, { flow: 'privacy', action: { kind: 'askErase' } }, step),
  'leaderboard-visibility': ({ deps, step }, { hidden }) =>
    answer(deps, { flow: 'privacy', action: { kind: 'leaderboardVisibility', hidden } }, step),
  'deck-export': ({ deps, step }, { deck, format }) =>
    answer(deps, { flow: 'deckFiles', action: { kind: 'deckExport', deckId: deck, format } }, step),
  'deck-visibility': ({ deps, step }, { deck, hidden }) =>
    answer(deps, { flow: 'deckFiles', action: { kind: 'deckVisibility', deckId: deck, hidden } }, step),
};

const command = ({ deps, step }: Asked, action: CommandAction, asked?: { appLocale: string | null }) =>
  answer(deps, { flow: 'command', action }, step, asked);

/** For workspace admins: their rights (and time zone) read from Slack on every request, before anything is stored. */
async function asAdmin(
  { deps, payload, step }: Asked,
  actionOf: (adminTimeZone: string | null) => CommandAction,
) {
  const rights = await workspaceRights(deps.api, payload.user_id);
  const action = actionOf(rights.timeZone);
  return answer(deps, { flow: 'command', action }, step, {
    isAdmin: rights.isAdmin,
    appLocale: rights.locale,
    // Slack tells no workspace language: the admin's who sets the question is taken as the community's.
    ...(action.kind === 'setDaily' ? { communityLocale: rights.locale } : {}),
  });
}

function dailyUsage(say: Say, c: string): string {
  const usage = (['set', 'off', 'list'] as const).map((key) => `• ${say(`slack.dailyUsage.${key}`, { c })}`);
  return [say('slack.dailyUsage.title'), ...usage, say('slack.dailyUsage.tip')].join('\n');
}
