import type { REST } from '@discordjs/rest';
import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  Locale as DiscordLocale,
  InteractionContextType,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord-api-types/v10';
import { COMMAND_CATALOG, type CommandOption, type OptionType } from '../../chat/command-catalog.ts';
import { type MessageKey, translate } from '../../chat/i18n/catalog.ts';
import type { Locale } from '../../chat/i18n/locale.ts';
import type { DiscordConfig } from '../../config/discord.ts';
import { createRest } from './api.ts';

type Command = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's locale tags for each language Mnemo writes in besides English (Discord's own default). */
const DISCORD_LOCALES = {
  es: [DiscordLocale.SpanishES, DiscordLocale.SpanishLATAM],
  de: [DiscordLocale.German],
  ja: [DiscordLocale.Japanese],
} as const satisfies Record<Exclude<Locale, 'en'>, readonly DiscordLocale[]>;

/** A text of the catalog in every language, keyed as Discord's `*_localizations` are. */
function localizations(key: MessageKey): LocalizationMap {
  return Object.fromEntries(
    Object.entries(DISCORD_LOCALES).flatMap(([locale, tags]) =>
      tags.map((tag) => [tag, translate(locale as Locale, key)]),
    ),
  );
}

/** A command's or option's description in English, with the other languages as Discord shows them. */
function described(key: MessageKey): { description: string; description_localizations: LocalizationMap } {
  return { description: translate('en', key), description_localizations: localizations(key) };
}

/** A choice's name in English, with the other languages. */
function named(key: MessageKey): { name: string; name_localizations: LocalizationMap } {
  return { name: translate('en', key), name_localizations: localizations(key) };
}

/** Where each reach of the catalog is offered: contexts, and who may install the app for it. */
const REACH = {
  // Only in a server that installed Mnemo.
  community: {
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  // Also installed by a user, so they work in DMs and in servers without Mnemo.
  anywhere: {
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  },
} as const;

const Type = ApplicationCommandOptionType;
const OPTION_TYPES = {
  text: Type.String,
  integer: Type.Integer,
  number: Type.Number,
  yesNo: Type.Boolean,
  channel: Type.Channel,
  file: Type.Attachment,
  subcommand: Type.Subcommand,
} as const satisfies Record<OptionType, ApplicationCommandOptionType>;
/** The channels a question of the day may be posted in. */
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/** The keys that are set, in their order: an option or command states only what it takes. */
const stated = <T>(fields: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/** An option as Discord registers it, its keys in the order the registered JSON has them. */
const optionOf = (spec: CommandOption): APIApplicationCommandOption =>
  stated({
    type: OPTION_TYPES[spec.type],
    name: spec.name,
    ...described(spec.description),
    required: spec.required,
    min_length: spec.length?.min,
    max_length: spec.length?.max,
    min_value: spec.range?.min,
    max_value: spec.range?.max,
    channel_types: spec.type === 'channel' ? POSTABLE : undefined,
    autocomplete: spec.autocomplete,
    choices: spec.choices?.map((choice) =>
      'key' in choice
        ? { ...named(choice.key), value: choice.value }
        : { name: choice.name, value: choice.value },
    ),
    options: spec.options?.map(optionOf),
  });

/** Mnemo's slash commands, as Discord registers them. */
export const COMMANDS: Command[] = COMMAND_CATALOG.map((spec) =>
  stated({
    name: spec.name,
    ...described(spec.description),
    ...REACH[spec.reach],
    // Hides the command from members without Manage Server by default; the handler checks it again.
    default_member_permissions: spec.adminOnly ? String(PermissionFlagsBits.ManageGuild) : undefined,
    options: spec.options?.map(optionOf),
  }),
);

/**
 * `mnemo discord register`: replaces the application's commands with Mnemo's, in DISCORD_GUILD_ID's server
 * when it is set (they show at once: good for testing), else globally.
 */
export async function registerDiscordCommands(
  config: DiscordConfig,
  rest: REST = createRest(config),
): Promise<{ scope: 'guild' | 'global'; commands: string[] }> {
  const { applicationId, guildId } = config;
  const route =
    guildId === null
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  await rest.put(route, { body: COMMANDS });
  return { scope: config.guildId === null ? 'global' : 'guild', commands: COMMANDS.map((c) => c.name) };
}
