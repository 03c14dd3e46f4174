/** Interaction payloads as Discord sends them (gateway INTERACTION_CREATE data and HTTP bodies alike). */

export const APP_ID = '1300000000000000001';
export const GUILD = '1300000000000000100';
export const OTHER_GUILD = '1300000000000000200';
export const CHANNEL = '1300000000000000300';
export const OTHER_CHANNEL = '1300000000000000301';

export interface TestUser {
  id: string;
  username: string;
  global_name: string | null;
}

export const ALICE: TestUser = { id: '1300000000000001001', username: 'alice', global_name: 'Alice' };
export const BOB: TestUser = { id: '1300000000000001002', username: 'bob', global_name: null };
export const CAROL: TestUser = { id: '1300000000000001003', username: 'carol', global_name: 'Carol' };

/** View Channel, Send Messages, Add Reactions, Read Message History, Use Application Commands. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 6n) | (1n << 16n) | (1n << 31n));
/** The same, with Manage Server. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
/** The same, with Administrator (which implies Manage Server). */
export const ADMIN_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 3n));

let last = 1_400_000_000_000_000_000n;
/** A new Discord id. */
export function snowflake(): string {
  last += 1n;
  return String(last);
}

export interface Where {
  user?: TestUser;
  /** A server id, or null for a DM with the bot. */
  guild?: string | null;
  permissions?: string;
  channel?: string;
  /** 'user': the person installed Mnemo (user install), not the server. Default: the server did. */
  install?: 'guild' | 'user';
}

function envelope(where: Where) {
  const user = where.user ?? ALICE;
  const guild = where.guild === undefined ? GUILD : where.guild;
  const channel = where.channel ?? CHANNEL;
  const id = snowflake();
  const byUser = where.install === 'user';
  const discordUser = {
    ...user,
    avatar: null,
    discriminator: '0',
    public_flags: 0,
    avatar_decoration_data: null,
  };
  const common = {
    id,
    application_id: APP_ID,
    token: `aW50ZXJhY3Rpb246${id}OmZha2UtdG9rZW4`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: '2248473465835073',
  };
  if (guild === null) {
    return {
      ...common,
      channel_id: channel,
      channel: { id: channel, type: 1, flags: 0, last_message_id: null, recipients: [discordUser] },
      context: byUser ? 2 : 1,
      authorizing_integration_owners: byUser ? { '1': user.id } : { '0': GUILD },
      user: discordUser,
    };
  }
  return {
    ...common,
    guild_id: guild,
    guild: { id: guild, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: channel,
    channel: {
      id: channel,
      type: 0,
      guild_id: guild,
      name: 'general',
      position: 0,
      flags: 0,
      parent_id: null,
      nsfw: false,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: null,
      permissions: where.permissions ?? MEMBER_PERMISSIONS,
    },
    context: 0,
    authorizing_integration_owners: byUser ? { '1': user.id } : { '0': guild },
    member: {
      user: discordUser,
      roles: [],
      premium_since: null,
      permissions: where.permissions ?? MEMBER_PERMISSIONS,
      pending: false,
      nick: null,
      mute: false,
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      flags: 0,
      deaf: false,
      communication_disabled_until: null,
      avatar: null,
      unusual_dm_activity_until: null,
      banner: null,
    },
  };
}

export type CommandOption =
  | { name: string; type: number; value: string | number | boolean; focused?: boolean }
  | { name: string; type: 1; options: CommandOption[] };

/** A slash command (interaction type 2, APPLICATION_COMMAND). */
export function slashCommand(name: string, options: CommandOption[] = [], where: Where = {}) {
  return {
    ...envelope(where),
    type: 2,
    data: {
      id: snowflake(),
      name,
      type: 1,
      options,
      ...(where.guild === null ? {} : { guild_id: where.guild ?? GUILD }),
    },
  };
}

/** A slash command whose attachment option `file` carries an uploaded file, resolved as Discord sends it. */
export function withAttachment(
  command: ReturnType<typeof slashCommand>,
  file: { url: string; name: string; size: number },
) {
  const id = optionValue(command.data.options, 'file');
  const attachment = {
    id,
    filename: file.name,
    size: file.size,
    url: file.url,
    proxy_url: file.url,
    content_type: 'application/octet-stream',
    ephemeral: true,
  };
  return { ...command, data: { ...command.data, resolved: { attachments: { [id]: attachment } } } };
}

function optionValue(options: CommandOption[], name: string): string {
  for (const option of options) {
    if ('options' in option) return optionValue(option.options, name);
    if (option.name === name) return String(option.value);
  }
  throw new Error(`no option ${name}`);
}

export const ATTACHMENT = 11;

/** A subcommand option, such as `set` of /daily. */
export function subcommand(name: string, options: CommandOption[]): CommandOption {
  return { name, type: 1, options };
}

export const STRING = 3;
export const INTEGER = 4;
export const BOOLEAN = 5;
export const CHANNEL_OPTION = 7;
export const NUMBER = 10;

/** Autocomplete while an option is typed (interaction type 4). */
export function autocomplete(name: string, options: CommandOption[], where: Where = {}) {
  return { ...slashCommand(name, options, where), type: 4 };
}

/** A message as Discord includes it with a component interaction: what the bot sent, with an id. */
// biome-ignore lint/suspicious/noExplicitAny: built from whatever the bot sent
export function sentMessage(data: any, options: { id?: string; channel?: string; type?: number } = {}) {
  return {
    id: options.id ?? snowflake(),
    channel_id: options.channel ?? CHANNEL,
    // 20: a reply to a slash command; 0: a message the bot posted itself.
    type: options.type ?? 20,
    content: data.content ?? '',
    components: data.components ?? [],
    flags: data.flags ?? 0,
    author: { id: APP_ID, username: 'Mnemo', discriminator: '0', global_name: null, avatar: null, bot: true },
    attachments: [],
    embeds: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2026-05-04T09:00:00.000000+00:00',
    edited_timestamp: null,
  };
}

/** A button click (interaction type 3, MESSAGE_COMPONENT, component type 2). */
export function buttonClick(customId: string, message: ReturnType<typeof sentMessage>, where: Where = {}) {
  return {
    ...envelope(where),
    type: 3,
    message,
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A modal submit (interaction type 5): the text input inside a label, as current clients send it. */
export function modalSubmit(
  customId: string,
  value: string,
  message: ReturnType<typeof sentMessage> | null,
  where: Where = {},
) {
  return {
    ...envelope(where),
    type: 5,
    ...(message ? { message } : {}),
    data: {
      custom_id: customId,
      components: [{ type: 18, id: 2, component: { type: 4, id: 3, custom_id: 'answer', value } }],
    },
  };
}

/** The same, in the older shape: the text input inside an action row. */
export function legacyModalSubmit(
  customId: string,
  value: string,
  message: ReturnType<typeof sentMessage> | null,
  where: Where = {},
) {
  return {
    ...modalSubmit(customId, value, message, where),
    data: {
      custom_id: customId,
      components: [{ type: 1, components: [{ type: 4, custom_id: 'answer', value }] }],
    },
  };
}

export const PING = {
  id: '1300000000000009999',
  application_id: APP_ID,
  type: 1,
  token: 'ping-token',
  version: 1,
};
