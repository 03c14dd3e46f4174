import type { DailyRefusal } from '../../../core/community/community.ts';
import type { Person, Place } from '../../../core/people.ts';
import { userInfoResult } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderDailies } from '../render/info.ts';
import type { SlackApi } from '../send/slack-api.ts';
import type { ListenerDeps } from './deps.ts';
import type { Subcommand } from './subcommand.ts';

type DailySubcommand = Extract<Subcommand, { name: `daily-${string}` }>;

/**
 * `/mnemo daily …`, for workspace admins and owners only: their rights are read from `users.info` on every
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
  if (subcommand.name === 'daily-usage') return note(usage(command));
  const rights = await workspaceRights(deps.api, slackUserId);
  if (!rights.isAdmin) {
    return note(':lock: Only workspace admins and owners can manage questions of the day.');
  }
  const actor = { ...person, isAdmin: rights.isAdmin };
  switch (subcommand.name) {
    case 'daily-list':
      return renderDailies(await deps.community.listDailies(place), command);
    case 'daily-off': {
      const outcome = await deps.community.stopDaily(place, actor, subcommand.channelId);
      if (!outcome.ok)
        return note(':lock: Only workspace admins and owners can manage questions of the day.');
      return note(
        outcome.stopped
          ? `Stopped the question of the day in <#${subcommand.channelId}>.`
          : `<#${subcommand.channelId}> has no question of the day.`,
      );
    }
    case 'daily-set': {
      const timeZone = subcommand.timeZone ?? rights.timeZone ?? 'UTC';
      const outcome = await deps.community.setDaily(place, actor, {
        channelId: subcommand.channelId,
        localTime: subcommand.localTime,
        timeZone,
        deckId: subcommand.deck,
      });
      if (!outcome.ok) return note(refusal(outcome, command));
      const { daily } = outcome;
      const deck = daily.deckId ? ` from the deck \`${escapeText(daily.deckId)}\`` : '';
      return note(
        `:white_check_mark: <#${daily.channelId}> gets a question of the day${deck} every day at ${daily.localTime} (${escapeText(daily.timeZone)}). If Mnemo is not in that channel yet, invite it with \`/invite @Mnemo\`.`,
      );
    }
  }
}

async function workspaceRights(
  api: SlackApi,
  userId: string,
): Promise<{ isAdmin: boolean; timeZone: string | null }> {
  const { user } = userInfoResult.parse(
    await api.call('users.info', (client) => client.users.info({ user: userId })),
  );
  return {
    isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    timeZone: user.tz ?? null,
  };
}

function refusal(outcome: DailyRefusal, command: string): string {
  switch (outcome.code) {
    case 'NOT_ALLOWED':
      return ':lock: Only workspace admins and owners can manage questions of the day.';
    case 'BAD_TIME':
      return `\`${escapeText(outcome.value)}\` is not a time of day: use HH:MM, such as 09:00 or 17:30.`;
    case 'BAD_TIME_ZONE':
      return `\`${escapeText(outcome.value)}\` is not a time zone: use an IANA name such as Europe/Berlin or America/New_York.`;
    case 'UNKNOWN_DECK':
      return `There is no deck \`${escapeText(outcome.value)}\`. \`${command} decks\` lists them.`;
  }
}

function usage(command: string): string {
  return [
    'Questions of the day (admins):',
    `• \`${command} daily #channel HH:MM [time zone] [deck]\`: post one every day at that time`,
    `• \`${command} daily off #channel\`: stop it`,
    `• \`${command} daily list\`: every channel that has one`,
    'Pick the channel from the list Slack shows as you type `#`, so that it becomes a link.',
  ].join('\n');
}
