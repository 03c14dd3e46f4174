import type { LeaderboardPeriod } from '../core/community/ports.ts';
import type { SchedulingSettings } from '../core/scheduling/settings.ts';
import { checkLength, TEXT_LIMITS } from '../core/text/clean-text.ts';
import type { Action, CommandAction } from './action.ts';
import { SETTING_OPTIONS } from './command-catalog.ts';
import { DECK_FILE_FORMATS, type DeckFileAction, type DeckFileSource } from './deck-files.ts';
import { isLocale, type Locale } from './i18n/locale.ts';
import type { LimitedOption, Message } from './messages.ts';
import type { PrivacyAction } from './privacy.ts';
import type { ChatRequest } from './requests.ts';

/**
 * A slash command's options decoded into the chat layer's actions: a platform whose commands take named
 * options (`/settings retention:0.9`) hands over their names and values as it parsed them.
 */
export type OptionValue = string | number | boolean;
export type Options = Record<string, OptionValue>;

/** A command as parsed: its name, the subcommand that ran, and that subcommand's options by name. */
export interface NamedCommand {
  command: string;
  subcommand: string | null;
  options: Options;
  /** The channel the command was typed in: `/daily` without a channel option means this one. */
  channelId: string | null;
}

/** The value /daily set takes for "every deck". */
export const EVERY_DECK_CHOICE = '*';
const PERIODS: readonly LeaderboardPeriod[] = ['week', 'month', 'all'];

/** Text options with a limit below the one every option has, by name. */
const LIMITED = {
  deck: TEXT_LIMITS.deckId,
  timezone: TEXT_LIMITS.timeZone,
  time: TEXT_LIMITS.localTime,
  reminder_time: TEXT_LIMITS.localTime,
} as const satisfies Record<LimitedOption, number>;

/**
 * The refusal of a command one of whose text options is too long ("Deck id too long (max 64 characters)."),
 * or null. A value cut short would silently mean something else, so it is refused whole.
 */
export function optionTooLong(options: Options): Extract<Message, { code: 'OPTION_TOO_LONG' }> | null {
  for (const [option, max] of Object.entries(LIMITED) as [LimitedOption, number][]) {
    const value = options[option];
    if (typeof value === 'string' && !checkLength(value, option, max).ok) {
      return { code: 'OPTION_TOO_LONG', option, max };
    }
  }
  return null;
}

/** A text option trimmed, or null when it is absent or blank. */
function textOf(value: OptionValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * A named command as the request whose flow answers it: `/quiz` studies, `/privacy` and `/deck import | export |
 * hide | show` have their own flows, the others are community commands. `file`: the upload an import names.
 */
export function commandRequestOf(
  named: NamedCommand,
  file?: Omit<DeckFileSource, 'headers'>,
): Exclude<ChatRequest, { flow: 'quiz' }> {
  const { command, subcommand, options } = named;
  if (command === 'quiz') return { flow: 'study', action: quizActionOf(options) };
  if (command === 'privacy') return { flow: 'privacy', action: privacyActionOf(subcommand) };
  if (command === 'deck' && DECK_FILE_SUBCOMMANDS.has(subcommand ?? '')) {
    return { flow: 'deckFiles', action: deckFileActionOf(named, file) };
  }
  return { flow: 'command', action: commandActionOf(named) };
}

/** `/quiz [deck] [tag] [practice]`. */
function quizActionOf(options: Options): Extract<Action, { kind: 'quiz' | 'practice' }> {
  const tag = textOf(options.tag)?.toLowerCase() ?? null;
  return { kind: options.practice === true ? 'practice' : 'quiz', deckId: textOf(options.deck), tag };
}

/**
 * `[deck] [#tag]` typed as words (Slack's `/mnemo quiz practice docker #net`, the console's `/practice`): a
 * word starting with `#` is the tag, any other the deck.
 */
export function studyWordsOf(words: readonly string[]): { deckId: string | null; tag: string | null } {
  const tagged = words.find((word) => word.startsWith('#') && word.length > 1);
  // Lowercased as every tag is stored (src/core/deck/parse.ts), and as /quiz tag: reads it.
  const tag = tagged?.slice(1).toLowerCase() ?? null;
  const deckId = words.find((word) => !word.startsWith('#'))?.toLowerCase() ?? null;
  return { deckId, tag };
}

/** `/privacy export | delete`: delete asks for a confirmation first. */
function privacyActionOf(subcommand: string | null): PrivacyAction {
  return subcommand === 'delete' ? { kind: 'askErase' } : { kind: 'exportData' };
}

/** The `/deck` subcommands that handle a community's decks as files, or hide its bundled ones. */
const DECK_FILE_SUBCOMMANDS = new Set(['import', 'export', 'hide', 'show']);

/** `/deck import | export | hide | show`; `file`: the upload an import's file option names. */
function deckFileActionOf(
  { subcommand, options }: NamedCommand,
  file: Omit<DeckFileSource, 'headers'> | undefined,
): DeckFileAction {
  const deckId = String(options.deck ?? '').trim();
  if (subcommand === 'hide' || subcommand === 'show')
    return { kind: 'deckVisibility', deckId, hidden: subcommand === 'hide' };
  if (subcommand === 'export') {
    const format = DECK_FILE_FORMATS.find((name) => name === options.format) ?? 'md';
    return { kind: 'deckExport', deckId, format };
  }
  return {
    kind: 'deckImport',
    // An attachment option always resolves; were it not to, the download is refused as unfetchable.
    file: file ?? { url: '', name: 'upload', size: null },
    deckId: deckId === '' ? null : deckId,
  };
}

/**
 * `/stats`, `/settings`, `/deck list | info <deck> | leeches`, `/leaderboard [period]` and
 * `/daily set | off | list`.
 */
function commandActionOf({ command, subcommand, options, channelId }: NamedCommand): CommandAction {
  if (command === 'stats') return { kind: 'stats' };
  if (command === 'settings') return { kind: 'settings', ...settingsOf(options), ...languageOf(options) };
  if (command === 'daily') {
    const channel = String(options.channel ?? channelId ?? '');
    if (subcommand === 'off') return { kind: 'stopDaily', channelId: channel };
    if (subcommand !== 'set') return { kind: 'listDailies' };
    const deck = String(options.deck ?? EVERY_DECK_CHOICE).trim();
    return {
      kind: 'setDaily',
      channelId: channel,
      localTime: String(options.time ?? '').trim(),
      timeZone: String(options.timezone ?? '').trim(),
      deckId: deck === EVERY_DECK_CHOICE || deck === '' ? null : deck,
      ...(typeof options.language === 'string' && isLocale(options.language)
        ? { language: options.language }
        : {}),
    };
  }
  if (command === 'leaderboard') {
    return { kind: 'leaderboard', period: PERIODS.find((name) => name === options.period) ?? 'week' };
  }
  if (subcommand === 'info') return { kind: 'deckInfo', deckId: String(options.deck ?? '').trim() };
  if (subcommand === 'leeches') return { kind: 'leeches' };
  return { kind: 'decks' };
}

/** `/settings language:<en|es|de|ja|auto>`: the language Mnemo writes in; auto: the app's. */
function languageOf(options: Options): { language?: Locale | null } {
  const chosen = options.language;
  if (chosen === 'auto') return { language: null };
  return typeof chosen === 'string' && isLocale(chosen) ? { language: chosen } : {};
}

/** `/settings` options: scheduling settings, and the DM reminder in this community. */
function settingsOf(options: Options): Omit<Extract<CommandAction, { kind: 'settings' }>, 'kind'> {
  const patch: Partial<SchedulingSettings> = {};
  for (const [name, setting] of SETTING_OPTIONS) {
    const value = options[name];
    if (typeof value === 'number') patch[setting] = value;
  }
  if (typeof options.timezone === 'string') patch.timeZone = options.timezone.trim();
  const enabled = typeof options.reminders === 'boolean' ? options.reminders : undefined;
  const localTime = typeof options.reminder_time === 'string' ? options.reminder_time.trim() : undefined;
  const reschedule = options.reschedule === true ? { reschedule: true } : {};
  if (enabled === undefined && localTime === undefined) return { patch, reminder: null, ...reschedule };
  return {
    patch,
    ...reschedule,
    reminder: {
      ...(enabled === undefined ? {} : { enabled }),
      ...(localTime === undefined ? {} : { localTime }),
    },
  };
}
