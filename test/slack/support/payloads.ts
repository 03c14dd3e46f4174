/** Request bodies shaped like the ones Slack sends, per its documentation. */

export const TEAM = { id: 'T1', domain: 'acme' } as const;

export interface Who {
  user: string;
  name?: string;
  team?: string;
}

/** A slash command, form-encoded. */
export function slashCommand(
  text: string,
  options: Who & { responseUrl: string; channel?: string; command?: string; triggerId?: string },
): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: options.team ?? TEAM.id,
    team_domain: TEAM.domain,
    channel_id: options.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.user,
    user_name: options.name ?? options.user.toLowerCase(),
    command: options.command ?? '/mnemo',
    text,
    api_app_id: 'A0MNEMO',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? `trigger-${options.user}`,
  }).toString();
}

/** An interaction (block action, view submission): form-encoded `payload=` JSON. */
export function interaction(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ButtonClick extends Who {
  actionId: string;
  value: string;
  /** Absent for a click in the App Home. */
  responseUrl?: string;
  channel?: string;
  messageTs?: string;
  ephemeral?: boolean;
}

export function blockAction(click: ButtonClick): Record<string, unknown> {
  const inMessage = click.responseUrl !== undefined;
  return {
    type: 'block_actions',
    user: {
      id: click.user,
      username: click.name ?? click.user.toLowerCase(),
      team_id: click.team ?? TEAM.id,
    },
    api_app_id: 'A0MNEMO',
    token: 'verification-token-unused',
    container: inMessage
      ? {
          type: 'message',
          message_ts: click.messageTs ?? '1777000000.000001',
          channel_id: click.channel ?? 'C0GENERAL',
          is_ephemeral: click.ephemeral ?? true,
        }
      : { type: 'view', view_id: 'VHOME' },
    trigger_id: `trigger-${click.user}`,
    team: { id: click.team ?? TEAM.id, domain: TEAM.domain },
    enterprise: null,
    is_enterprise_install: false,
    ...(inMessage ? { channel: { id: click.channel ?? 'C0GENERAL', name: 'general' } } : {}),
    ...(inMessage ? { response_url: click.responseUrl } : { view: { id: 'VHOME', type: 'home' } }),
    state: { values: {} },
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        value: click.value,
        action_ts: '1777000000.123456',
      },
    ],
  };
}

export function viewSubmission(
  submission: Who & {
    callbackId: string;
    privateMetadata: string;
    values: Record<string, Record<string, Record<string, unknown>>>;
  },
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: submission.team ?? TEAM.id, domain: TEAM.domain },
    user: {
      id: submission.user,
      username: submission.name ?? submission.user.toLowerCase(),
      team_id: TEAM.id,
    },
    api_app_id: 'A0MNEMO',
    token: 'verification-token-unused',
    trigger_id: `trigger-${submission.user}`,
    view: {
      id: 'V1',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: submission.callbackId,
      private_metadata: submission.privateMetadata,
      state: { values: submission.values },
      hash: 'h1',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function appHomeOpened(eventId: string, user: string): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM.id,
    api_app_id: 'A0MNEMO',
    event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1777000000.000100' },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_777_000_000,
    authorizations: [{ team_id: TEAM.id, user_id: 'UBOT', is_bot: true }],
  };
}
