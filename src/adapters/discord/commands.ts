import type { REST } from '@discordjs/rest';
import {
  type APIApplicationCommandChannelOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DECK_FILE_FORMATS } from '../../chat/deck-files.ts';
import { SETTING_LIMITS } from '../../core/scheduling/settings.ts';
import { createRest, DiscordApi } from './api.ts';
import type { DiscordConfig } from './config.ts';

type Command = RESTPostAPIChatInputApplicationCommandsJSONBody;

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
  description: required ? 'The deck' : 'Only cards of this deck',
  required,
  autocomplete: true,
});

const timeZoneOption = (required: boolean, description: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'timezone',
  description,
  required,
  autocomplete: true,
});

const channelOption = (description: string): APIApplicationCommandChannelOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description,
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

/** Mnemo's slash commands, as Discord registers them. */
export const COMMANDS: Command[] = [
  {
    name: 'quiz',
    description: 'Review your next due card (only you see it)',
    ...ANYWHERE,
    options: [
      deckOption(false),
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'practice',
        description: 'Practise the cards closest to being forgotten, without moving their schedule',
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'tag',
        description: 'Only cards with this tag',
        max_length: 50,
        autocomplete: true,
      },
    ],
  },
  {
    name: 'stats',
    description: 'Your reviews today, cards due, retention and streak',
    ...ANYWHERE,
  },
  {
    name: 'settings',
    description: 'Show or change your review settings and DM reminders',
    ...ANYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Number,
        name: 'retention',
        description: 'Desired retention: the chance of remembering a card when it comes back (0.7 to 0.99)',
        min_value: SETTING_LIMITS.desiredRetention.min,
        max_value: SETTING_LIMITS.desiredRetention.max,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'new_per_day',
        description: 'New cards per day',
        min_value: SETTING_LIMITS.newPerDay.min,
        max_value: SETTING_LIMITS.newPerDay.max,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'max_reviews',
        description: 'Maximum reviews per day',
        min_value: SETTING_LIMITS.maxReviewsPerDay.min,
        max_value: SETTING_LIMITS.maxReviewsPerDay.max,
      },
      timeZoneOption(false, 'Your time zone: your day starts at your midnight'),
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'leech_lapses',
        description: 'Suspend a card you forget this many times (0: never)',
        min_value: SETTING_LIMITS.leechLapses.min,
        max_value: SETTING_LIMITS.leechLapses.max,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'reminders',
        description: 'A DM when cards are due (in this server)',
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'leaderboard',
        description: 'Show you on leaderboards, or hide you',
        choices: [
          { name: 'on', value: 'on' },
          { name: 'off', value: 'off' },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'reminder_time',
        description: 'When the DM reminder comes, as HH:MM in your time zone',
        min_length: 5,
        max_length: 5,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'reschedule',
        description: "Recompute your cards' due dates from your reviews, with these settings",
      },
    ],
  },
  {
    name: 'daily',
    description: 'A question of the day in a channel (Manage Server)',
    ...IN_SERVERS,
    // Hides the command from members without Manage Server by default; the handler checks it again.
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'set',
        description: 'Post a question of the day in a channel',
        options: [
          channelOption('Where to post it'),
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            description: 'When, as HH:MM',
            required: true,
            min_length: 5,
            max_length: 5,
          },
          timeZoneOption(true, 'The time zone of that time, such as Europe/Berlin'),
          deckOption(true),
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'off',
        description: 'Stop the question of the day in a channel',
        options: [channelOption('The channel')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        description: "This server's questions of the day",
      },
    ],
  },
  {
    name: 'leaderboard',
    description: "This server's members by reviews, accuracy and streak",
    ...IN_SERVERS,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'period',
        description: 'Over which time (default: this week)',
        choices: [
          { name: 'Last 7 days', value: 'week' },
          { name: 'Last 30 days', value: 'month' },
          { name: 'All time', value: 'all' },
        ],
      },
    ],
  },
  {
    name: 'deck',
    description: 'The decks of cards',
    ...ANYWHERE,
    options: [
      { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Every deck' },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'info',
        description: 'What a deck holds',
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'import',
        description:
          "Add or update this server's deck from a file: Anki, CSV, CrowdAnki, Markdown (Manage Server)",
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: 'file',
            description: 'An .apkg/.colpkg, a CrowdAnki zip, CSV/TSV or a Markdown deck',
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'deck',
            description: 'The deck id, for a file that names none (CSV), or the deck to keep of several',
            max_length: 50,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        description: 'A deck as a file (Manage Server)',
        options: [
          deckOption(true),
          {
            type: ApplicationCommandOptionType.String,
            name: 'format',
            description: 'The file format (default: md)',
            choices: DECK_FILE_FORMATS.map((format) => ({ name: format, value: format })),
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'hide',
        description: 'Hide a bundled deck in this server (Manage Server)',
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        description: 'Show a hidden bundled deck in this server again (Manage Server)',
        options: [deckOption(true)],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'leeches',
        description: "The cards this server's members forget most (Manage Server)",
      },
    ],
  },
  {
    name: 'privacy',
    description: 'Your own data in Mnemo: take it with you, or erase it',
    ...ANYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        description: 'Everything Mnemo stores about you, as JSON (only you see it)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'delete',
        description: 'Erase everything Mnemo stores about you on Discord (asks first)',
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
