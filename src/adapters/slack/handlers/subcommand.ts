import { studyWordsOf } from '../../../chat/command-options.ts';
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

/** The subcommands that are a fixed phrase (matched lowercased): each and what it asks. */
const PHRASES: Record<string, Subcommand> = {
  settings: { name: 'settings' },
  'settings reschedule': { name: 'reschedule' },
  'settings suspended': { name: 'settings-suspended' },
  // Hides or shows the person on leaderboards.
  'settings leaderboard off': { name: 'leaderboard-visibility', hidden: true },
  'settings leaderboard on': { name: 'leaderboard-visibility', hidden: false },
  'privacy export': { name: 'privacy-export' },
  'privacy delete': { name: 'privacy-delete' },
  deck: { name: 'decks' },
  'deck list': { name: 'decks' },
  'deck import': { name: 'deck-import' },
  'deck leeches': { name: 'deck-leeches' },
};

/**
 * Parses the command text. Slack sends a channel as `<#C123|name>` (the manifest asks it to escape them), which
 * is the only channel form accepted. A known word with words it does not take is unknown as a whole. Pure.
 */
export function parseSubcommand(text: string): Subcommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [word = 'help', ...args] = words;
  const phrase = words.join(' ').toLowerCase();
  if (Object.hasOwn(PHRASES, phrase)) return PHRASES[phrase] as Subcommand;
  switch (word.toLowerCase()) {
    case 'quiz':
    case 'review': {
      // `quiz [practice] [deck] [#tag]`.
      const practice = args[0]?.toLowerCase() === 'practice';
      const { deckId, tag } = studyWordsOf(practice ? args.slice(1) : args);
      return { name: 'quiz', deck: deckId, tag, practice };
    }
    case 'stats':
      return { name: 'stats' };
    case 'decks':
      return { name: 'decks' };
    case 'leaderboard': {
      const period = PERIODS.find((name) => name === args[0]?.toLowerCase());
      return { name: 'leaderboard', period: period ?? 'week' };
    }
    case 'help':
      return { name: 'help' };
    case 'daily':
      return parseDaily(args);
    case 'deck':
      return parseDeckFile(args) ?? { name: 'unknown', word: words.join(' ') };
    case 'settings': {
      // `settings language es|en|de|ja|auto`: Mnemo's language for the person; `auto`: their Slack language.
      const [setting, code = ''] = args.map((arg) => arg.toLowerCase());
      if (args.length === 2 && setting === 'language' && (code === 'auto' || isLocale(code))) {
        return { name: 'language', language: code === 'auto' ? null : code };
      }
      return { name: 'unknown', word: words.join(' ') };
    }
    case 'privacy':
      return { name: 'unknown', word: words.join(' ') };
    default:
      return { name: 'unknown', word };
  }
}

/** `deck export <id> [md|csv|apkg]` and `deck hide|show <id>` (the id as typed), or null. */
function parseDeckFile([what = '', deck, format, ...rest]: string[]): Subcommand | null {
  const verb = what.toLowerCase();
  if (!deck) return null;
  if (verb === 'hide' || verb === 'show') {
    return format === undefined ? { name: 'deck-visibility', deck, hidden: verb === 'hide' } : null;
  }
  const chosen = DECK_FILE_FORMATS.find((name) => name === (format ?? 'md').toLowerCase());
  return verb === 'export' && chosen && rest.length === 0
    ? { name: 'deck-export', deck, format: chosen }
    : null;
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
