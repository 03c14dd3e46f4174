import type { REST } from '@discordjs/rest';
import {
  type APIApplicationCommandBasicOption,
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
import { DECK_FILE_FORMATS } from '../../chat/deck-files.ts';
import { type MessageKey, translate } from '../../chat/i18n/catalog.ts';
import { LOCALES, type Locale } from '../../chat/i18n/locale.ts';
import type { DiscordConfig } from '../../config/discord.ts';
import { SETTING_LIMITS } from '../../core/scheduling/settings.ts';
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

/** A community's commands: only in a server that installed Mnemo. */
const IN_SERVERS = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};
/** Each language Mnemo writes in, named in itself. */
const LANGUAGE_CHOICES = LOCALES.map((locale) => ({
  name: translate(locale, `languageNames.${locale}`),
  value: locale,
}));

/**
 * A person's own commands: also installed by a user, so they work in DMs and in servers without Mnemo
 * (answered to them only, in their own place).
 */
const ANYWHERE = {
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

const {
  String: TEXT,
  Integer,
  Number: DECIMAL,
  Boolean: YES_NO,
  Channel,
  Attachment,
  Subcommand,
} = ApplicationCommandOptionType;

/** An option (or a subcommand) with its description in every language, and whatever else it takes. */
function option<T extends ApplicationCommandOptionType, M extends object = object>(
  type: T,
  name: string,
  key: MessageKey,
  more?: M,
) {
  return { type, name, ...described(key), ...(more as M) };
}

const subcommand = (name: string, key: MessageKey, options?: APIApplicationCommandBasicOption[]) =>
  option(Subcommand, name, key, options ? { options } : {});

/** A number option within a scheduling setting's limits. */
const setting = <T extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number>(
  type: T,
  name: string,
  key: MessageKey,
  limit: keyof typeof SETTING_LIMITS,
) => option(type, name, key, { min_value: SETTING_LIMITS[limit].min, max_value: SETTING_LIMITS[limit].max });

const deckOption = (required: boolean) =>
  option(TEXT, 'deck', required ? 'commands.deck' : 'commands.deckFilter', { required, autocomplete: true });
const timeZoneOption = (required: boolean, key: MessageKey) =>
  option(TEXT, 'timezone', key, { required, autocomplete: true });
const channelOption = (key: MessageKey) =>
  option(Channel, 'channel', key, {
    required: true,
    channel_types: [ChannelType.GuildText as const, ChannelType.GuildAnnouncement as const],
  });
const HH_MM = { min_length: 5, max_length: 5 };
const choices = (values: readonly string[]) => ({ choices: values.map((value) => ({ name: value, value })) });
/** A deck's own commands: each names one deck. */
const onDeck = (name: string, key: MessageKey) => subcommand(name, key, [deckOption(true)]);

/** Mnemo's slash commands, as Discord registers them. */
export const COMMANDS: Command[] = [
  {
    name: 'quiz',
    ...described('commands.quiz'),
    ...ANYWHERE,
    options: [
      deckOption(false),
      option(YES_NO, 'practice', 'commands.practice'),
      option(TEXT, 'tag', 'commands.tag', { max_length: 50, autocomplete: true }),
    ],
  },
  { name: 'stats', ...described('commands.stats'), ...ANYWHERE },
  {
    name: 'settings',
    ...described('commands.settings'),
    ...ANYWHERE,
    options: [
      setting(DECIMAL, 'retention', 'commands.retention', 'desiredRetention'),
      setting(Integer, 'new_per_day', 'commands.newPerDay', 'newPerDay'),
      setting(Integer, 'max_reviews', 'commands.maxReviews', 'maxReviewsPerDay'),
      timeZoneOption(false, 'commands.timeZone'),
      setting(Integer, 'leech_lapses', 'commands.leechLapses', 'leechLapses'),
      option(YES_NO, 'reminders', 'commands.reminders'),
      option(TEXT, 'leaderboard', 'commands.leaderboardOption', choices(['on', 'off'])),
      option(TEXT, 'reminder_time', 'commands.reminderTime', HH_MM),
      option(TEXT, 'language', 'commands.language', {
        choices: [...LANGUAGE_CHOICES, { name: 'auto', value: 'auto' }],
      }),
      option(YES_NO, 'reschedule', 'commands.reschedule'),
    ],
  },
  {
    name: 'daily',
    ...described('commands.daily'),
    ...IN_SERVERS,
    // Hides the command from members without Manage Server by default; the handler checks it again.
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      subcommand('set', 'commands.dailySet', [
        channelOption('commands.dailyChannel'),
        option(TEXT, 'time', 'commands.dailyTime', { required: true, ...HH_MM }),
        timeZoneOption(true, 'commands.dailyTimeZone'),
        deckOption(true),
        option(TEXT, 'language', 'commands.dailyLanguage', { choices: LANGUAGE_CHOICES }),
      ]),
      subcommand('off', 'commands.dailyOff', [channelOption('commands.dailyOffChannel')]),
      subcommand('list', 'commands.dailyList'),
    ],
  },
  {
    name: 'leaderboard',
    ...described('commands.leaderboard'),
    ...IN_SERVERS,
    options: [
      option(TEXT, 'period', 'commands.period', {
        choices: [
          { ...named('commands.periodWeek'), value: 'week' },
          { ...named('commands.periodMonth'), value: 'month' },
          { ...named('commands.periodAll'), value: 'all' },
        ],
      }),
    ],
  },
  {
    name: 'deck',
    ...described('commands.deckCommand'),
    ...ANYWHERE,
    options: [
      subcommand('list', 'commands.deckList'),
      onDeck('info', 'commands.deckInfo'),
      subcommand('import', 'commands.deckImport', [
        option(Attachment, 'file', 'commands.deckImportFile', { required: true }),
        option(TEXT, 'deck', 'commands.deckImportDeck', { max_length: 50 }),
      ]),
      subcommand('export', 'commands.deckExport', [
        deckOption(true),
        option(TEXT, 'format', 'commands.deckExportFormat', choices(DECK_FILE_FORMATS)),
      ]),
      onDeck('hide', 'commands.deckHide'),
      onDeck('show', 'commands.deckShow'),
      subcommand('leeches', 'commands.deckLeeches'),
    ],
  },
  {
    name: 'privacy',
    ...described('commands.privacy'),
    ...ANYWHERE,
    options: [subcommand('export', 'commands.privacyExport'), subcommand('delete', 'commands.privacyDelete')],
  },
];

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
