import { type SchedulingSettings, SETTING_LIMITS } from '../core/scheduling/settings.ts';
import { DECK_FILE_FORMATS } from './deck-files.ts';
import { type MessageKey, translate } from './i18n/catalog.ts';
import { LOCALES } from './i18n/locale.ts';
import type { Reply } from './reply.ts';

/** What an option takes; a subcommand is an option holding options of its own. */
export type OptionType = 'text' | 'integer' | 'number' | 'yesNo' | 'channel' | 'file' | 'subcommand';

/** A choice: its value, and its name as a fixed text or as a catalog text (in each reader's language). */
export type Choice = { value: string; name: string } | { value: string; key: MessageKey };

/** A scheduling setting an option sets, within the setting's limits. */
type NumberSetting = Exclude<keyof SchedulingSettings, 'timeZone'>;

export interface CommandOption {
  type: OptionType;
  name: string;
  description: MessageKey;
  /** Stated on the platform whenever set, `false` included. */
  required?: boolean;
  length?: { min?: number; max: number };
  /** The scheduling setting a number option sets, and that setting's limits. */
  setting?: NumberSetting;
  range?: { min: number; max: number };
  /** Its values are suggested while typed (decks, tags, time zones). */
  autocomplete?: true;
  choices?: readonly Choice[];
  options?: readonly CommandOption[];
}

/** A slash command, as every platform with named options offers it. */
export interface CommandSpec {
  name: string;
  description: MessageKey;
  /**
   * `anywhere`: a person's own command, also in DMs and in communities without Mnemo (answered to them only);
   * `community`: only in a community that installed Mnemo.
   */
  reach: 'anywhere' | 'community';
  /** Offered by default only to those who may manage the community; the flow checks it again. */
  adminOnly?: true;
  /** Who sees the answer (and so how a slow answer is deferred). */
  visibility: Reply['visibility'];
  options?: readonly CommandOption[];
}

/** An option with its description key, and whatever else it takes. */
const option = (
  type: OptionType,
  name: string,
  description: MessageKey,
  more: Partial<CommandOption> = {},
): CommandOption => ({ type, name, description, ...more });

const subcommand = (name: string, description: MessageKey, options?: CommandOption[]) =>
  option('subcommand', name, description, options ? { options } : {});
/** A number option within a scheduling setting's limits. */
const setting = (name: string, description: MessageKey, setting: NumberSetting) =>
  option(setting === 'desiredRetention' ? 'number' : 'integer', name, description, {
    setting,
    range: SETTING_LIMITS[setting],
  });
const deck = (required: boolean) =>
  option('text', 'deck', required ? 'commands.deck' : 'commands.deckFilter', {
    required,
    autocomplete: true,
  });
const timeZone = (required: boolean, description: MessageKey) =>
  option('text', 'timezone', description, { required, autocomplete: true });
const channel = (description: MessageKey) => option('channel', 'channel', description, { required: true });
const HH_MM = { length: { min: 5, max: 5 } };
const fixed = (values: readonly string[]) => values.map((value) => ({ value, name: value }));
/** A deck's own commands: each names one deck. */
const onDeck = (name: string, description: MessageKey) => subcommand(name, description, [deck(true)]);
/** Each language Mnemo writes in, named in itself. */
const LANGUAGES = LOCALES.map((locale) => ({
  value: locale,
  name: translate(locale, `languageNames.${locale}`),
}));

/** Mnemo's slash commands: names, options and descriptions are contracts, registered as they are here. */
export const COMMAND_CATALOG: readonly CommandSpec[] = [
  {
    name: 'quiz',
    description: 'commands.quiz',
    reach: 'anywhere',
    visibility: 'ephemeral',
    options: [
      deck(false),
      option('yesNo', 'practice', 'commands.practice'),
      option('text', 'tag', 'commands.tag', { length: { max: 50 }, autocomplete: true }),
    ],
  },
  { name: 'stats', description: 'commands.stats', reach: 'anywhere', visibility: 'ephemeral' },
  {
    name: 'settings',
    description: 'commands.settings',
    reach: 'anywhere',
    visibility: 'ephemeral',
    options: [
      setting('retention', 'commands.retention', 'desiredRetention'),
      setting('new_per_day', 'commands.newPerDay', 'newPerDay'),
      setting('max_reviews', 'commands.maxReviews', 'maxReviewsPerDay'),
      timeZone(false, 'commands.timeZone'),
      setting('leech_lapses', 'commands.leechLapses', 'leechLapses'),
      option('yesNo', 'reminders', 'commands.reminders'),
      option('text', 'leaderboard', 'commands.leaderboardOption', { choices: fixed(['on', 'off']) }),
      option('text', 'reminder_time', 'commands.reminderTime', HH_MM),
      option('text', 'language', 'commands.language', { choices: [...LANGUAGES, ...fixed(['auto'])] }),
      option('yesNo', 'reschedule', 'commands.reschedule'),
    ],
  },
  {
    name: 'daily',
    description: 'commands.daily',
    reach: 'community',
    adminOnly: true,
    visibility: 'ephemeral',
    options: [
      subcommand('set', 'commands.dailySet', [
        channel('commands.dailyChannel'),
        option('text', 'time', 'commands.dailyTime', { required: true, ...HH_MM }),
        timeZone(true, 'commands.dailyTimeZone'),
        deck(true),
        option('text', 'language', 'commands.dailyLanguage', { choices: LANGUAGES }),
      ]),
      subcommand('off', 'commands.dailyOff', [channel('commands.dailyOffChannel')]),
      subcommand('list', 'commands.dailyList'),
    ],
  },
  {
    name: 'leaderboard',
    description: 'commands.leaderboard',
    reach: 'community',
    visibility: 'public',
    options: [
      option('text', 'period', 'commands.period', {
        choices: [
          { value: 'week', key: 'commands.periodWeek' },
          { value: 'month', key: 'commands.periodMonth' },
          { value: 'all', key: 'commands.periodAll' },
        ],
      }),
    ],
  },
  {
    name: 'deck',
    description: 'commands.deckCommand',
    reach: 'anywhere',
    visibility: 'ephemeral',
    options: [
      subcommand('list', 'commands.deckList'),
      onDeck('info', 'commands.deckInfo'),
      subcommand('import', 'commands.deckImport', [
        option('file', 'file', 'commands.deckImportFile', { required: true }),
        option('text', 'deck', 'commands.deckImportDeck', { length: { max: 50 } }),
      ]),
      subcommand('export', 'commands.deckExport', [
        deck(true),
        option('text', 'format', 'commands.deckExportFormat', { choices: fixed(DECK_FILE_FORMATS) }),
      ]),
      onDeck('hide', 'commands.deckHide'),
      onDeck('show', 'commands.deckShow'),
      subcommand('leeches', 'commands.deckLeeches'),
    ],
  },
  {
    name: 'privacy',
    description: 'commands.privacy',
    reach: 'anywhere',
    visibility: 'ephemeral',
    options: [subcommand('export', 'commands.privacyExport'), subcommand('delete', 'commands.privacyDelete')],
  },
];

/** A command of the catalog by name, or undefined for one Mnemo does not have (an older registration). */
export function commandNamed(name: string): CommandSpec | undefined {
  return COMMAND_CATALOG.find((command) => command.name === name);
}

/** The settings' number options, by option name. */
export const SETTING_OPTIONS: ReadonlyMap<string, NumberSetting> = new Map(
  COMMAND_CATALOG.flatMap((command) => command.options ?? []).flatMap(({ name, setting }) =>
    setting ? [[name, setting] as const] : [],
  ),
);
