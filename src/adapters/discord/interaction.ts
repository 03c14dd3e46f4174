import { ApplicationCommandOptionType, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { z } from 'zod';
import type { NamedCommand, OptionValue } from '../../chat/command-options.ts';
import { cleanText, TEXT_LIMITS } from '../../core/text/clean-text.ts';

/** The fields of an interaction every handler may use, whatever its kind. */
export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  /**
   * The server that installed Mnemo, where the interaction comes from. Null in a DM, and in a server that
   * has not installed Mnemo (a user-installed command there): such a place is the person's own.
   */
  guildId: string | null;
  channelId: string | null;
  user: { id: string; displayName: string };
  /** The member's permissions in the channel, a bitfield as a decimal string; null in a DM. */
  memberPermissions: string | null;
  /** The language of the person's Discord app (`es-ES`, `de`, `ja`); null when Discord does not say. */
  locale: string | null;
  /** The server's preferred language (Community settings); null outside a server. */
  guildLocale: string | null;
}

/** A file given to a command's attachment option, as Discord resolved it (the option's value is its id). */
export interface UploadedFile {
  url: string;
  name: string;
  size: number;
}

/** The message a button was on (or the modal was opened from). */
export interface SourceMessage {
  id: string;
  content: string;
  ephemeral: boolean;
}

/** An interaction, reduced to what Mnemo uses. */
export type Interaction =
  | { type: 'ping' }
  /** `files`: the files of attachment options, by the option's value. */
  | (InteractionBase & NamedCommand & { type: 'command'; files: Record<string, UploadedFile> })
  | (InteractionBase & NamedCommand & { type: 'autocomplete'; focused: { name: string; value: string } })
  | (InteractionBase & { type: 'button'; customId: string; message: SourceMessage | null })
  | (InteractionBase & {
      type: 'modal';
      customId: string;
      fields: Record<string, string>;
      message: SourceMessage | null;
    });

export type ActiveInteraction = Exclude<Interaction, { type: 'ping' }>;
export type CommandInteraction = Extract<Interaction, { type: 'command' }>;
export type ButtonInteraction = Extract<Interaction, { type: 'button' }>;
export type ModalInteraction = Extract<Interaction, { type: 'modal' }>;

const snowflake = z.string().regex(/^\d{1,20}$/);

const rawUser = z.object({
  id: snowflake,
  username: z.string(),
  global_name: z.string().nullish(),
});

const rawOption = z.object({
  name: z.string(),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
  /** A subcommand's (or a group's) own options. */
  get options() {
    return z.array(rawOption).optional();
  },
});
type RawOption = z.infer<typeof rawOption>;

const rawCommandData = z.object({
  name: z.string(),
  /** 1: a slash command. User and message context-menu commands are not Mnemo's. */
  type: z.number().int().default(1),
  options: z.array(rawOption).default([]),
  resolved: z
    .object({
      attachments: z
        .record(
          snowflake,
          z.object({ url: z.url(), filename: z.string(), size: z.number().int().nonnegative() }),
        )
        .optional(),
    })
    .optional(),
});

const rawTextInput = z.object({ type: z.literal(4), custom_id: z.string(), value: z.string().default('') });

/** A submitted modal's children: text inputs in action rows (older) or in labels (current). */
const rawModalChild = z.union([
  z.object({ type: z.literal(1), components: z.array(rawTextInput.or(z.object({ type: z.number() }))) }),
  z.object({ type: z.literal(18), component: rawTextInput.or(z.object({ type: z.number() })) }),
  z.object({ type: z.number() }),
]);

const common = z.object({
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.object({ id: snowflake }).optional(),
  member: z.object({ user: rawUser, permissions: z.string().regex(/^\d+$/) }).optional(),
  user: rawUser.optional(),
  /** The person's Discord language; every interaction but a ping carries it. */
  locale: z.string().max(16).optional(),
  /** The server's preferred language; guild interactions carry it. */
  guild_locale: z.string().max(16).optional(),
  /** Who installed the command: "0" the server (guild install), "1" the user (user install). */
  authorizing_integration_owners: z.record(z.string(), snowflake).optional(),
  message: z
    .object({ id: snowflake, content: z.string().default(''), flags: z.number().int().default(0) })
    .optional(),
});

const rawInteraction = z.discriminatedUnion('type', [
  z.object({ type: z.literal(1) }),
  common.extend({ type: z.literal(2), data: rawCommandData }),
  common.extend({
    type: z.literal(3),
    data: z.object({ custom_id: z.string(), component_type: z.number().int() }),
  }),
  common.extend({ type: z.literal(4), data: rawCommandData }),
  common.extend({
    type: z.literal(5),
    data: z.object({ custom_id: z.string(), components: z.array(rawModalChild).default([]) }),
  }),
]);

type RawInteraction = z.infer<typeof rawInteraction>;
type RawActive = Exclude<RawInteraction, { type: 1 }>;

export type ParseOutcome = { ok: true; interaction: Interaction } | { ok: false; problem: string };

const { Subcommand: SUBCOMMAND, SubcommandGroup: SUBCOMMAND_GROUP } = ApplicationCommandOptionType;

/** Reads an interaction payload (gateway INTERACTION_CREATE data or an HTTP request body). */
export function parseInteraction(payload: unknown): ParseOutcome {
  const parsed = rawInteraction.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `${issue?.path.join('.') || 'interaction'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const raw = parsed.data;
  if (raw.type === 1) return { ok: true, interaction: { type: 'ping' } };
  const user = raw.member?.user ?? raw.user;
  if (!user) return { ok: false, problem: 'user: missing (neither member.user nor user)' };
  const base: InteractionBase = {
    id: raw.id,
    token: raw.token,
    applicationId: raw.application_id,
    guildId: installedGuildOf(raw),
    channelId: raw.channel_id ?? raw.channel?.id ?? null,
    user: { id: user.id, displayName: user.global_name ?? user.username },
    memberPermissions: raw.member?.permissions ?? null,
    locale: raw.locale ?? null,
    guildLocale: raw.guild_locale ?? null,
  };
  return { ok: true, interaction: toInteraction(raw, base) };
}

const GUILD_INSTALL = '0';

/**
 * The interaction's server when Mnemo is installed there. A payload without authorizing_integration_owners
 * (older API versions) comes from a server that installed it.
 */
function installedGuildOf(raw: RawActive): string | null {
  if (raw.guild_id === undefined) return null;
  const owners = raw.authorizing_integration_owners;
  if (owners === undefined) return raw.guild_id;
  return owners[GUILD_INSTALL] === raw.guild_id ? raw.guild_id : null;
}

function toInteraction(raw: RawActive, base: InteractionBase): Interaction {
  switch (raw.type) {
    case 2:
    case 4: {
      const { subcommand, options } = flatten(raw.data.options);
      // A context-menu command gets a name no slash command has, so it is answered as unknown.
      const command = raw.data.type === 1 ? raw.data.name : `context:${raw.data.name}`;
      const named = { ...base, command, subcommand, options: valuesOf(options) };
      if (raw.type === 2) {
        const files = Object.entries(raw.data.resolved?.attachments ?? {}).map(([id, file]) => [
          id,
          { url: file.url, name: cleanText(file.filename, TEXT_LIMITS.option), size: file.size },
        ]);
        return { ...named, type: 'command', files: Object.fromEntries(files) };
      }
      const focused = options.find((option) => option.focused);
      const value = cleanText(String(focused?.value ?? ''), TEXT_LIMITS.option);
      return { ...named, type: 'autocomplete', focused: { name: focused?.name ?? '', value } };
    }
    case 3:
      // Select menus are not Mnemo's: an unknown custom id is answered as such.
      return {
        ...base,
        type: 'button',
        customId: raw.data.component_type === ComponentType.Button ? raw.data.custom_id : '',
        message: sourceOf(raw.message),
      };
    case 5: {
      const { custom_id: customId, components } = raw.data;
      return {
        ...base,
        type: 'modal',
        customId,
        fields: fieldsOf(components),
        message: sourceOf(raw.message),
      };
    }
  }
}

/** The options of the (sub)command that ran, and the name of that subcommand. */
function flatten(options: RawOption[]): { subcommand: string | null; options: RawOption[] } {
  const [first] = options;
  if (first?.type === SUBCOMMAND_GROUP) {
    const inner = flatten(first.options ?? []);
    return { subcommand: `${first.name} ${inner.subcommand ?? ''}`.trim(), options: inner.options };
  }
  if (first?.type === SUBCOMMAND) return { subcommand: first.name, options: first.options ?? [] };
  return { subcommand: null, options };
}

function valuesOf(options: RawOption[]): Record<string, OptionValue> {
  // Every text a person sends is cleaned here; options with a lower limit are refused by name later.
  const clean = (value: OptionValue) =>
    typeof value === 'string' ? cleanText(value, TEXT_LIMITS.option) : value;
  return Object.fromEntries(
    options.flatMap(({ name, value }) => (value === undefined ? [] : [[name, clean(value)]])),
  );
}

function sourceOf(message: { id: string; content: string; flags: number } | undefined): SourceMessage | null {
  if (!message) return null;
  return {
    id: message.id,
    content: message.content,
    ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
  };
}

function fieldsOf(children: z.infer<typeof rawModalChild>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const take = (input: { type: number }) => {
    const parsed = rawTextInput.safeParse(input);
    // Mnemo's modals ask for answers only.
    if (parsed.success) fields[parsed.data.custom_id] = cleanText(parsed.data.value, TEXT_LIMITS.answer);
  };
  for (const child of children) {
    if ('components' in child) child.components.forEach(take);
    else if ('component' in child) take(child.component);
  }
  return fields;
}
