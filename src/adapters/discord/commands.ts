import type { REST } from '@discordjs/rest';
import {
  type APIApplicationCommandChannelOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  Locale as DiscordLocale,
  InteractionContextType,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DECK_FILE_FORMATS } from '../../chat/deck-files.ts';
import { type MessageKey, translate } from '../../chat/i18n/catalog.ts';
import { LOCALES, type Locale } from '../../chat/i18n/locale.ts';
import { SETTING_LIMITS } from '../../core/scheduling/settings.ts';
import { createRest, DiscordApi } from './api.ts';
import type { DiscordConfig } from './config.ts';

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

const deckOption = (required: boolean) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'deck',
  ...described(required ? 'commands.deck' : 'commands.deckFilter'),
  required,
  autocomplete: true,
});

const timeZoneOption = (required: boolean, key: MessageKey) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'timezone',
  ...described(key),
  required,
  autocomplete: true,
});

const channelOption = (key: MessageKey): APIApplicationCommandChannelOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  ...described(key),
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

/** Mnemo's slash commands, as Discord registers them. */
export const COMMANDS: Command[] = [
  {
    name: 'quiz',
    ...described('commands.quiz'),
    ...ANYWHERE,
    options: [
      deckOption(false),
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'practice',
        ...described('commands.practice'),
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'tag',
        ...described('commands.tag'),
        max_length: 50,
        autocomplete: true,
      },
    ],
  },
  {
    name: 'stats',
    ...described('commands.stats'),
    ...ANYWHERE,
  },
  {
    name: 'settings',
    ...described('commands.settings'),
    ...ANYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Number,
        name: 'retention',
        ...described('commands.retention'),
        min_value: SETTING_LIMITS.desiredRetention.min,
        max_value: SETTING_LIMITS.desiredRetention.max,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'new_per_day',
        ...described('commands.newPerDay'),
        min_value: SETTING_LIMITS.newPerDay.min,
        max_value: SETTING_LIMITS.newPerDay.max,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'max_reviews',
        ...described('commands.maxReviews'),
        min_value: SETTING_LIMITS.maxReviewsPerDay.min,
        max_value: SETTING_LIMITS.maxReviewsPerDay.max,
      },
      timeZoneOption(false, 'commands.timeZone'),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'leech_lapses',
        ...described('commands.leechLapses'),
        min_value: SETTING_LIMITS.leechLapses.min,
        max_value: SETTING_LIMITS.leechLapses.max,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'reminders',
        ...described('commands.reminders'),
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'leaderboard',
        ...described('commands.leaderboardOption'),
        choices: [
          { name: 'on', value: 'on' },
          { name: 'off', value: 'off' },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'reminder_time',
        ...described('commands.reminderTime'),
        min_length: 5,
        max_length: 5,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'language',
        ...described('commands.language'),
        choices: [
          ...LOCALES.map((locale) => ({ name: translate(locale, `languageNames.${locale}`), value: locale })),
          { name: 'auto', value: 'auto' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'reschedule',
        ...described('commands.reschedule'),
      },
    ],
  },
  {
    name: 'daily',
    ...described('commands.daily'),
    ...IN_SERVERS,
    // Hides the command from members without Manage Server by default; the handler checks it again.
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'set',
        ...described('commands.dailySet'),
        options: [
          channelOption('commands.dailyChannel'),
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            ...described('commands.dailyTime'),
            required: true,
            min_length: 5,
            max_length: 5,
          },
          timeZoneOption(true, 'commands.dailyTimeZone'),
          deckOption(true),
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'off',
        ...described('commands.dailyOff'),
        options: [channelOption('commands.dailyOffChannel')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        ...described('commands.dailyList'),
      },
    ],
  },
  {
    name: 'leaderboard',
    ...described('commands.leaderboard'),
    ...IN_SERVERS,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'period',
        ...described('commands.period'),
        choices: [
          { ...named('commands.periodWeek'), value: 'week' },
          { ...named('commands.periodMonth'), value: 'month' },
          { ...named('commands.periodAll'), value: 'all' },
        ],
      },
    ],
  },
  {
    name: 'deck',
    ...described('commands.deckCommand'),
    ...ANYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        ...described('commands.deckList'),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'info',
        ...described('commands.deckInfo'),
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'import',
        ...described('commands.deckImport'),
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: 'file',
            ...described('commands.deckImportFile'),
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'deck',
            ...described('commands.deckImportDeck'),
            max_length: 50,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        ...described('commands.deckExport'),
        options: [
          deckOption(true),
          {
            type: ApplicationCommandOptionType.String,
            name: 'format',
            ...described('commands.deckExportFormat'),
            choices: DECK_FILE_FORMATS.map((format) => ({ name: format, value: format })),
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'hide',
        ...described('commands.deckHide'),
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        ...described('commands.deckShow'),
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'leeches',
        ...described('commands.deckLeeches'),
      },
    ],
  },
  {
    name: 'privacy',
    ...described('commands.privacy'),
    ...ANYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        ...described('commands.privacyExport'),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'delete',
        ...described('commands.privacyDelete'),
      },
    ],
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
  const api = new DiscordApi(rest, config.applicationId);
  await api.putCommands(config.guildId, COMMANDS);
  return { scope: config.guildId === null ? 'global' : 'guild', commands: COMMANDS.map((c) => c.name) };
}
