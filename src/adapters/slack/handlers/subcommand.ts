import { DECK_FILE_FORMATS, type DeckFileFormat } from '../../../chat/deck-files.ts';
import { isLocale, type Locale } from '../../../chat/i18n/locale.ts';
import type { LeaderboardPeriod } from '../../../core/community/ports.ts';
import { isTimeZone } from '../../../core/scheduling/day.ts';

/** What `/mnemo <text>` asks for. */
export type Subcommand =
  /** `quiz [practice] [deck] [#tag]`. */
  | { name: 'quiz'; deck: string | null; tag: string | null; practice: boolean }
  | { name: 'stats' }
  | { name: 'settings' }
  /** `settings suspended`: the settings as a message, with the suspended cards and their Unsuspend buttons. */
  | { name: 'settings-suspended' }
  /** `deck leeches`, for admins. */
  | { name: 'deck-leeches' }
  /** `settings leaderboard off|on`. */
  | { name: 'leaderboard-visibility'; hidden: boolean }
  /** `settings language es|en|de|ja|auto` (auto, null: the person's Slack language). */
  | { name: 'language'; language: Locale | null }
  /** `settings reschedule`. */
  | { name: 'reschedule' }
  | { name: 'privacy-export' }
  | { name: 'privacy-delete' }
  | { name: 'decks' }
  /** `deck import`: the form a deck file is uploaded in. */
  | { name: 'deck-import' }
  | { name: 'deck-export'; deck: string; format: DeckFileFormat }
  | { name: 'deck-visibility'; deck: string; hidden: boolean }
  | { name: 'leaderboard'; period: LeaderboardPeriod }
  | { name: 'help' }
  | {
      name: 'daily-set';
      channelId: string;
      localTime: string;
      timeZone: string | null;
      deck: string | null;
      /** `lang:<code>` anywhere after the channel: the language of its questions (else the workspace's). */
      language: Locale | null;
    }
  | { name: 'daily-off'; channelId: string }
  | { name: 'daily-list' }
  | { name: 'daily-usage' }
  | { name: 'unknown'; word: string };

const PERIODS = ['week', 'month', 'all'] as const satisfies readonly LeaderboardPeriod[];

/**
 * Parses the command text. Slack sends a channel as `<#C123|name>` (the manifest asks it to escape them), which
 * is the only channel form accepted. Pure.
 */
export function parseSubcommand(text: string): Subcommand {
  const [word = 'help', ...args] = text.trim().split(/\s+/).filter(Boolean);
  switch (word.toLowerCase()) {
    case 'quiz':
    case 'review':
      return parseQuiz(args);
    case 'stats':
      return { name: 'stats' };
    case 'settings':
      return parseSettings(args, word);
    case 'privacy': {
      const what = args.length === 1 ? args[0]?.toLowerCase() : undefined;
      if (what === 'export') return { name: 'privacy-export' };
      if (what === 'delete') return { name: 'privacy-delete' };
      return { name: 'unknown', word: [word, ...args].join(' ') };
    }
    case 'decks':
      return { name: 'decks' };
    case 'deck':
      return parseDeck(args, word);
    case 'leaderboard': {
      const period = PERIODS.find((name) => name === args[0]?.toLowerCase());
      return { name: 'leaderboard', period: period ?? 'week' };
    }
    case 'help':
      return { name: 'help' };
    case 'daily':
      return parseDaily(args);
    default:
      return { name: 'unknown', word };
  }
}

/** `deck [list]`, `deck import`, `deck export <id> [md|csv|apkg]`, `deck hide|show <id>`, `deck leeches`. */
function parseDeck(args: string[], word: string): Subcommand {
  const [what = 'list', deck, format, ...rest] = args;
  const unknown: Subcommand = { name: 'unknown', word: [word, ...args].join(' ') };
  switch (what.toLowerCase()) {
    case 'list':
      return args.length <= 1 ? { name: 'decks' } : unknown;
    case 'import':
      return args.length === 1 ? { name: 'deck-import' } : unknown;
    case 'leeches':
      return args.length === 1 ? { name: 'deck-leeches' } : unknown;
    case 'export': {
      const chosen = DECK_FILE_FORMATS.find((name) => name === (format ?? 'md').toLowerCase());
      return deck && chosen && rest.length === 0 ? { name: 'deck-export', deck, format: chosen } : unknown;
    }
    case 'hide':
    case 'show':
      return deck && format === undefined
        ? { name: 'deck-visibility', deck, hidden: what.toLowerCase() === 'hide' }
        : unknown;
    default:
      return unknown;
  }
}

/**
 * `settings` opens the form; `settings leaderboard off|on` hides or shows the person on leaderboards;
 * `settings reschedule` recomputes their due dates from their reviews.
 */
function parseSettings(args: string[], word: string): Subcommand {
  if (args.length === 0) return { name: 'settings' };
  const [setting, value] = args.map((arg) => arg.toLowerCase());
  if (args.length === 1 && setting === 'reschedule') return { name: 'reschedule' };
  if (args.length === 1 && setting === 'suspended') return { name: 'settings-suspended' };
  if (args.length === 2 && setting === 'leaderboard' && (value === 'on' || value === 'off')) {
    return { name: 'leaderboard-visibility', hidden: value === 'off' };
  }
  // `settings language es`: Mnemo's language for the person; `auto`: their Slack language.
  if (args.length === 2 && setting === 'language' && value !== undefined) {
    if (value === 'auto') return { name: 'language', language: null };
    if (isLocale(value)) return { name: 'language', language: value };
  }
  return { name: 'unknown', word: [word, ...args].join(' ') };
}

/** `quiz [practice] [deck] [#tag]`: a word starting with `#` is the tag, any other the deck. */
function parseQuiz(args: string[]): Subcommand {
  const practice = args[0]?.toLowerCase() === 'practice';
  const rest = practice ? args.slice(1) : args;
  const tag = rest.find((arg) => arg.startsWith('#') && arg.length > 1)?.slice(1) ?? null;
  const deck = rest.find((arg) => !arg.startsWith('#'))?.toLowerCase() ?? null;
  return { name: 'quiz', deck, tag, practice };
}

function parseDaily(words: string[]): Subcommand {
  const languageWord = words.findIndex((word) => /^lang(uage)?[:=]/i.test(word));
  let language: Locale | null = null;
  if (languageWord >= 0) {
    const code = (words[languageWord] as string).replace(/^lang(uage)?[:=]/i, '').toLowerCase();
    if (!isLocale(code)) return { name: 'daily-usage' };
    language = code;
  }
  const args = words.filter((_, i) => i !== languageWord);
  const [first, second, ...rest] = args;
  if (first?.toLowerCase() === 'list' && args.length === 1) return { name: 'daily-list' };
  if (first?.toLowerCase() === 'off') {
    const channelId = second === undefined ? null : channelOf(second);
    return channelId && rest.length === 0 ? { name: 'daily-off', channelId } : { name: 'daily-usage' };
  }
  const channelId = first === undefined ? null : channelOf(first);
  if (!channelId || second === undefined || rest.length > 2) return { name: 'daily-usage' };
  const [zoneOrDeck, deck] = rest;
  // A lone word after the time is a time zone if it is one (or looks like one), else a deck id.
  const isZone = zoneOrDeck !== undefined && (deck !== undefined || looksLikeTimeZone(zoneOrDeck));
  return {
    name: 'daily-set',
    channelId,
    localTime: second.replace(/^(\d):/, '0$1:'),
    timeZone: isZone ? (zoneOrDeck ?? null) : null,
    deck: (isZone ? deck : zoneOrDeck)?.toLowerCase() ?? null,
    language,
  };
}

/** `<#C0123ABC|general>` or `<#C0123ABC>` → `C0123ABC`. */
export function channelOf(token: string): string | null {
  return /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(token)?.[1] ?? null;
}

function looksLikeTimeZone(word: string): boolean {
  return isTimeZone(word) || word.includes('/') || /[A-Z]/.test(word);
}
