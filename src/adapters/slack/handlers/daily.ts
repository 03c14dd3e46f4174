import type { CommandAction } from '../../../chat/action.ts';
import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { runCommand } from '../../../chat/commands.ts';
import { chooseLocale } from '../../../chat/i18n/locale.ts';
import { type Say, sayer } from '../../../chat/messages.ts';
import type { Person, Place } from '../../../core/people.ts';
import { userInfoResult } from '../payloads.ts';
import { note, type SlackMessage } from '../render/blocks.ts';
import { renderReply, slackStyle } from '../render/reply.ts';
import type { SlackApi } from '../send/slack-api.ts';
import type { ListenerDeps } from './deps.ts';
import type { Subcommand } from './subcommand.ts';

type DailySubcommand = Extract<Subcommand, { name: `daily-${string}` | 'deck-leeches' }>;

/**
 * `/mnemo daily …` and `/mnemo deck leeches`, for workspace admins and owners only: their rights are read from `users.info` on every
 * request, before anything is stored.
 */
export async function runDaily(
  deps: ListenerDeps,
  place: Place,
  person: Person,
  slackUserId: string,
  subcommand: DailySubcommand,
): Promise<SlackMessage> {
  const { command } = deps;
  if (subcommand.name === 'daily-usage') {
    // Said without asking Slack: in the person's chosen language, else English.
    const locale = chooseLocale(await deps.quiz.language(person), null);
    return note(usage(sayer(slackStyle(command), locale), command));
  }
  const [rights, chosen] = await Promise.all([
    workspaceRights(deps.api, slackUserId),
    deps.quiz.language(person),
  ]);
  const locale = chooseLocale(chosen, rights.locale);
  const reply = await runCommand(deps, actionOf(subcommand, rights.timeZone), {
    place,
    person,
    isAdmin: rights.isAdmin,
    request: null,
    // Slack tells no workspace language: the admin's who sets the question is taken as the community's.
    communityLocale: rights.locale,
  });
  return renderReply(reply, NOTHING_CARRIED, slackStyle(command), locale);
}

function actionOf(
  subcommand: Exclude<DailySubcommand, { name: 'daily-usage' }>,
  adminTimeZone: string | null,
): CommandAction {
  switch (subcommand.name) {
    case 'deck-leeches':
      return { kind: 'leeches' };
    case 'daily-list':
      return { kind: 'listDailies' };
    case 'daily-off':
      return { kind: 'stopDaily', channelId: subcommand.channelId };
    case 'daily-set':
      // Without a time zone, the admin's own, as Slack knows it.
      return {
        kind: 'setDaily',
        channelId: subcommand.channelId,
        localTime: subcommand.localTime,
        timeZone: subcommand.timeZone ?? adminTimeZone ?? 'UTC',
        deckId: subcommand.deck,
        ...(subcommand.language ? { language: subcommand.language } : {}),
      };
  }
}

/** A person's rights in the workspace, read from `users.info` on every request. */
export async function workspaceRights(
  api: SlackApi,
  userId: string,
): Promise<{ isAdmin: boolean; timeZone: string | null; locale: string | null }> {
  const { user } = userInfoResult.parse(
    await api.call('users.info', (client) => client.users.info({ user: userId, include_locale: true })),
  );
  return {
    isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    timeZone: user.tz ?? null,
    locale: user.locale ?? null,
  };
}

function usage(say: Say, c: string): string {
  const usage = (['set', 'off', 'list'] as const).map((key) => `• ${say(`slack.dailyUsage.${key}`, { c })}`);
  return [say('slack.dailyUsage.title'), ...usage, say('slack.dailyUsage.tip')].join('\n');
}
