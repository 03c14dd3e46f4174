import type {
  ChannelDaily,
  DeckSummary,
  LeaderboardPeriod,
  LeaderboardRow,
  Reminder,
} from '../core/community/ports.ts';
import type { Card } from '../core/deck/card.ts';
import type { ImportSummary } from '../core/deck/imported.ts';
import type { FitSummary } from '../core/memory-model/ports.ts';
import type { Erased } from '../core/privacy/ports.ts';
import type { Learner, LearnerStats } from '../core/quiz/ports.ts';
import type { AnswerOutcome, AnswerSuccess, DisputeOutcome, RescheduleOutcome } from '../core/quiz/quiz.ts';
import type { LeechRow, SuspendedCard } from '../core/quiz/study.ts';
import { describeWhen, localDay } from '../core/scheduling/day.ts';
import { type SchedulingSettings, SETTING_LIMITS } from '../core/scheduling/settings.ts';
import type { ImportStep } from './deck-files.ts';
import { type MessageKey, translate, type Values } from './i18n/catalog.ts';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.ts';

export type AnswerRefusal = Extract<AnswerOutcome, { ok: false }>['code'] | 'CARD_NOT_FOUND';
export type DisputeRefusal = Extract<DisputeOutcome, { ok: false }>['code'];

/** What /stats tells: the counts, and whether the person's schedule is fitted to them (Quiz.stats). */
export type StatsFigures = LearnerStats & { timeZone: string; model: FitSummary | null };

/** Every outcome a person is told in words, with what the words need. */
export type Message =
  | { code: AnswerRefusal | DisputeRefusal }
  | { code: 'NOTHING_DUE'; nextDue: Date | null; now: Date; deckId: string | null }
  | { code: 'RERATED'; due: Date; now: Date; repeated: boolean }
  | { code: 'ALREADY_ANSWERED' }
  | { code: 'ALREADY_HANDLED' }
  /** A button or form of an older Mnemo, which no longer works. */
  | { code: 'UNKNOWN_BUTTON' }
  /** A command the platform sent that Mnemo has not (an older registration); `commands`: the ones it has. */
  | { code: 'UNKNOWN_COMMAND'; commands: readonly string[] }
  /** A text option past its limit (`max` characters): the command is refused whole. */
  | { code: 'OPTION_TOO_LONG'; option: LimitedOption; max: number }
  | { code: 'NEEDS_PLACE' }
  | { code: 'APOLOGY' }
  | { code: 'STATS'; stats: StatsFigures }
  | { code: 'DECKS'; decks: readonly DeckSummary[] }
  | { code: 'DECK_INFO'; deck: DeckSummary }
  | { code: 'UNKNOWN_DECK'; deckId: string }
  | { code: 'LEADERBOARD'; rows: readonly LeaderboardRow[]; period: LeaderboardPeriod }
  | { code: 'ADMINS_ONLY' }
  | { code: 'BAD_TIME'; value: string }
  | { code: 'BAD_TIME_ZONE'; value: string }
  | { code: 'DAILY_SET'; daily: ChannelDaily }
  | { code: 'DAILY_STOPPED'; channelId: string; stopped: boolean }
  | { code: 'DAILIES'; dailies: readonly ChannelDaily[] }
  | {
      code: 'SETTINGS';
      learner: Learner;
      reminder: Reminder | null | 'no place';
      changed: boolean;
      /** The language the person reads now (their own choice, or their app's). */
      locale: Locale;
      /** The person's suspended cards, each with its "Unsuspend <n>" button. */
      suspended: readonly SuspendedCard[];
    }
  | { code: 'NO_STUDY_CONTROLS' }
  | { code: 'SUSPENDED'; cardId: string }
  | { code: 'BURIED'; cardId: string; until: Date; now: Date }
  | { code: 'KEEP_STUDYING'; cardId: string }
  | { code: 'UNSUSPENDED'; cardId: string; done: boolean }
  | { code: 'NOTHING_TO_PRACTISE'; deckId: string | null; tag: string | null }
  | { code: 'LEECHES'; rows: readonly LeechRow[] }
  | { code: 'LEECHES_ADMINS_ONLY' }
  | { code: 'LEECH' }
  | { code: 'PRACTICE_NOTED' }
  | { code: 'RESCHEDULED'; outcome: RescheduleOutcome; learner: Learner; saved: boolean }
  | { code: 'BAD_SETTING'; field: keyof SchedulingSettings }
  | { code: 'REMINDER_NEEDS_PLACE' }
  | { code: 'NOTHING_CHANGED'; because: Message }
  | { code: 'EXPORT'; json: string }
  /** The export is attached as a file of this many bytes (too long for a message). */
  | { code: 'EXPORT_FILE'; bytes: number }
  | { code: 'ERASE_CONFIRM' }
  | { code: 'ERASED'; erased: Erased; total: number }
  | { code: 'LEADERBOARD_VISIBILITY'; hidden: boolean }
  /** The person chose a language (null: their app's, here `locale`). */
  | { code: 'LANGUAGE_SET'; chosen: Locale | null; locale: Locale }
  | { code: 'DECK_ADMINS_ONLY' }
  | { code: 'IMPORT_PREVIEW'; fileName: string; decks: readonly ImportSummary[]; notice: string }
  | { code: 'IMPORT_REFUSED'; problems: readonly string[] }
  | { code: 'IMPORTED'; decks: readonly ImportSummary[] }
  | { code: 'IMPORT_GONE' }
  | { code: 'IMPORT_CANCELLED' }
  | { code: 'DECK_EXPORTED'; deckId: string; fileName: string }
  | { code: 'EXPORT_TOO_LARGE'; deckId: string; bytes: number }
  | { code: 'NOT_A_BUNDLED_DECK'; deckId: string }
  | { code: 'DECK_VISIBILITY'; deckId: string; hidden: boolean }
  | { code: 'IMPORT_STEP'; step: ImportStep };

export type MessageCode = Message['code'];

/** The command options with a limit of their own (src/chat/command-options.ts). */
export type LimitedOption = 'deck' | 'timezone' | 'time' | 'reminder_time';

/** How a platform writes emphasis, code and outside text, and how its commands are typed. */
export interface Style {
  bold(text: string): string;
  /** Words set apart (`*no answer*`); without it, they are written plain. */
  emphasis?(text: string): string;
  /** A command or an id, shown as code. */
  code(text: string): string;
  /** Card or user text made inert for the platform. */
  text(text: string): string;
  /** A card's text as the platform shows it (its code as code), at most `within` characters of it. */
  card(text: string, within?: number): string;
  /** How a person starts a quiz there: `/quiz`, `/mnemo quiz`. */
  quizCommand: string;
  /** How a person reviews one deck there: `/quiz deck:<id>`, `/mnemo quiz <id>`. */
  quizDeckCommand(deckId: string): string;
  /** How a person lists the decks, and (where there is one) asks about one deck. */
  decksCommand: string;
  deckInfoCommand: string | null;
  /** What a community is called there (the catalog's `place.*` phrases): a server, a workspace. */
  place: 'server' | 'workspace' | 'place';
  /** A labelled value: `Streak: **1 day**`, `*Streak:* 1 day`. */
  fact(label: string, value: string | number): string;
  /** A line in small print. */
  aside(text: string): string;
  /** Text shown as is, in a block of code. */
  codeBlock(text: string): string;
  /** How a person starts a channel's question of the day there. */
  dailySetCommand: string;
  /** Who may manage the questions of the day there (a catalog key). */
  admins: MessageKey;
  /** Said after a question of the day is set, where the platform needs more done (a catalog key). */
  dailySetHint: MessageKey | null;
  /** How a person changes their settings there: the command, and the option of a setting (none: a form). */
  settingsCommand: string;
  settingOption(name: string, value: string): string | null;
  /** A channel, shown as a link that pings no one. */
  channel(channelId: string): string;
  /** A member of a leaderboard, shown without pinging them. */
  member(row: Pick<LeaderboardRow, 'externalId' | 'displayName'>): string;
}

/** A catalog text in one language, written in one platform's style: `<b>…</b>` bold, `<code>…</code>` code. */
export type Say = (key: MessageKey, values?: Values) => string;

/** The catalog's words in a language, as a platform writes them. */
export function sayer(style: Style, locale: Locale): Say {
  return (key, values = {}) =>
    restored(
      translate(locale, key, inertValues(values))
        .replace(/<b>(.*?)<\/b>/g, (_, inner: string) => style.bold(inner))
        .replace(/<code>(.*?)<\/code>/g, (_, inner: string) => style.code(inner)),
    );
}

// Only the catalog's own `<b>`/`<code>` become bold or code: a value (card text, a deck title, a file name) is
// filled in with its `<` written as ESCAPE + `l` (and ESCAPE itself as ESCAPE + `e`), so no tag is seen in it,
// then written back as it was once the template's tags are converted.
const ESCAPE = '\uE000'; // a private-use character

function inertValues(values: Values): Values {
  const inert: Values = {};
  for (const [name, value] of Object.entries(values)) {
    inert[name] =
      typeof value === 'string'
        ? value.replace(/[<\uE000]/g, (c) => (c === '<' ? `${ESCAPE}l` : `${ESCAPE}e`))
        : value;
  }
  return inert;
}

function restored(text: string): string {
  return text.replace(/\uE000([le])/g, (_, c: string) => (c === 'l' ? '<' : ESCAPE));
}

/** What a message's words are made with: the platform's style, the catalog in the person's language. */
interface Voice {
  s: Style;
  say: Say;
  locale: Locale;
}

type Words<M extends Message> = (voice: Voice, message: M) => string;
type Table = { [C in MessageCode]: Words<Extract<Message, { code: C }>> };

/** The one table of what a person reads for every outcome, on every platform, in every language. */
const MESSAGES: Table = {
  PROMPT_NOT_FOUND: ({ s, say }) => say('PROMPT_NOT_FOUND', { quiz: s.code(s.quizCommand) }),
  NOT_YOUR_PROMPT: ({ s, say }) => say('NOT_YOUR_PROMPT', { quiz: s.code(s.quizCommand) }),
  STALE_PROMPT: ({ s, say }) => say('STALE_PROMPT', { quiz: s.code(s.quizCommand) }),
  WRONG_ANSWER_KIND: ({ say }) => say('WRONG_ANSWER_KIND'),
  NO_SUCH_OPTION: ({ say }) => say('NO_SUCH_OPTION'),
  CARD_NOT_FOUND: ({ say }) => say('CARD_NOT_FOUND'),
  REVIEW_NOT_FOUND: ({ say }) => say('REVIEW_NOT_FOUND'),
  NOT_YOUR_REVIEW: ({ say }) => say('NOT_YOUR_REVIEW'),
  ALREADY_RIGHT: ({ say }) => say('ALREADY_RIGHT'),
  REVIEWED_SINCE: ({ say }) => say('REVIEWED_SINCE'),
  NOTHING_DUE: ({ s, say, locale }, m) => {
    const deck = m.deckId === null ? null : s.code(m.deckId);
    if (!m.nextDue) return deck === null ? say('NOTHING_DUE.done') : say('NOTHING_DUE.doneInDeck', { deck });
    const when = describeWhen(m.nextDue, m.now, locale);
    return deck === null
      ? say('NOTHING_DUE.later', { when })
      : say('NOTHING_DUE.laterInDeck', { deck, when });
  },
  RERATED: ({ say, locale }, m) =>
    say(m.repeated ? 'RERATED.repeated' : 'RERATED.first', {
      good: say('rating.3'),
      when: describeWhen(m.due, m.now, locale),
    }),
  ALREADY_ANSWERED: ({ say }) => say('ALREADY_ANSWERED'),
  ALREADY_HANDLED: ({ say }) => say('ALREADY_HANDLED'),
  UNKNOWN_BUTTON: ({ s, say }) => say('UNKNOWN_BUTTON', { quiz: s.code(s.quizCommand) }),
  UNKNOWN_COMMAND: ({ s, say, locale }, m) => {
    const commands = m.commands.map((command) => s.code(command));
    return say('UNKNOWN_COMMAND', {
      commands: new Intl.ListFormat(locale, { type: 'disjunction' }).format(commands),
    });
  },
  OPTION_TOO_LONG: ({ say }, m) =>
    say('OPTION_TOO_LONG.text', { what: say(`OPTION_TOO_LONG.${m.option}`), max: m.max }),
  NEEDS_PLACE: ({ say }) => say('NEEDS_PLACE'),
  APOLOGY: ({ say }) => say('APOLOGY'),
  STATS: ({ s, say, locale }, { stats }) => {
    const retention =
      stats.retention30d === null ? say('STATS.noReviews') : percent(stats.retention30d, locale);
    return [
      say('STATS.title'),
      [
        s.fact(say('STATS.dueNow'), stats.dueNow),
        s.fact(say('STATS.today'), stats.dueToday),
        s.fact(say('STATS.tomorrow'), stats.dueTomorrow),
        s.fact(say('STATS.thisWeek'), stats.dueThisWeek),
      ].join(' · '),
      `${s.fact(say('STATS.reviewedToday'), stats.reviewedToday)} · ${s.fact(say('STATS.allTime'), stats.totalReviews)}`,
      s.fact(say('STATS.retention'), retention),
      s.fact(say('STATS.streak'), say('STATS.days', { count: stats.streak })),
      modelWords(say, stats.model, stats.timeZone),
    ].join('\n');
  },
  DECKS: ({ s, say }, { decks }) => {
    if (decks.length === 0) return say('DECKS.none');
    const command = s.code(s.quizDeckCommand('<id>'));
    const footer =
      s.deckInfoCommand === null
        ? say('DECKS.reviewOne', { command })
        : say('DECKS.reviewOneMore', { command, info: s.code(s.deckInfoCommand) });
    return [
      say('DECKS.title'),
      ...decks.map((deck) => {
        const about = deck.description ? `\n    ${s.text(deck.description)}` : '';
        const cards = say('DECKS.cards', { count: deck.cards });
        return `• ${s.bold(s.text(deck.title))} (${s.code(deck.id)}): ${cards}${about}`;
      }),
      s.aside(footer),
    ].join('\n');
  },
  DECK_INFO: ({ s, say }, { deck }) => {
    const lines = [`🗂️ ${s.bold(s.text(deck.title))} · ${s.code(deck.id)}`];
    if (deck.description) lines.push(s.text(deck.description));
    lines.push(s.fact(say('DECK_INFO.cards'), deck.cards));
    if (deck.tags.length > 0) {
      lines.push(say('DECK_INFO.tags', { tags: deck.tags.map((tag) => s.code(tag)).join(', ') }));
    }
    lines.push(s.aside(say('DECK_INFO.reviewIt', { command: s.code(s.quizDeckCommand(deck.id)) })));
    return lines.join('\n');
  },
  UNKNOWN_DECK: ({ s, say }, m) =>
    say('UNKNOWN_DECK', { deck: s.text(m.deckId), decks: s.code(s.decksCommand) }),
  LEADERBOARD: ({ s, say, locale }, { rows, period }) => {
    const when = say(`LEADERBOARD.${period}`);
    if (rows.length === 0) {
      return say('LEADERBOARD.empty', {
        here: say(`place.${s.place}.here`),
        period: when,
        quiz: s.code(s.quizCommand),
      });
    }
    return [
      say('LEADERBOARD.title', { period: when }),
      ...rows.map((row, i) => {
        const right = say('LEADERBOARD.right', { percent: percent(row.accuracy, locale) });
        const streak = row.streak > 0 ? ` · 🔥 ${row.streak}` : '';
        const rank = MEDALS[i] ?? s.bold(`${i + 1}.`);
        const reviews = say('LEADERBOARD.reviews', { count: row.reviews });
        return `${rank} ${s.member(row)}: ${reviews} · ${right}${streak}`;
      }),
    ].join('\n');
  },
  ADMINS_ONLY: ({ s, say }) => say('ADMINS_ONLY', { admins: say(s.admins) }),
  LEECHES_ADMINS_ONLY: ({ s, say }) =>
    say('LEECHES_ADMINS_ONLY', { admins: say(s.admins), whose: say(`placeWhose.${s.place}`) }),
  BAD_TIME: ({ s, say }, m) => say('BAD_TIME', { value: s.text(m.value) }),
  BAD_TIME_ZONE: ({ s, say }, m) => say('BAD_TIME_ZONE', { value: s.text(m.value) }),
  DAILY_SET: ({ s, say }, { daily }) => {
    const values = {
      channel: s.channel(daily.channelId),
      time: daily.localTime,
      zone: daily.timeZone,
    };
    const set =
      daily.deckId === null
        ? say('DAILY_SET.everyDeck', values)
        : say('DAILY_SET.oneDeck', { ...values, deck: s.code(daily.deckId) });
    return s.dailySetHint === null ? set : `${set} ${say(s.dailySetHint)}`;
  },
  DAILY_STOPPED: ({ s, say }, m) =>
    say(m.stopped ? 'DAILY_STOPPED.stopped' : 'DAILY_STOPPED.none', { channel: s.channel(m.channelId) }),
  DAILIES: ({ s, say }, { dailies }) => {
    const here = say(`place.${s.place}.here`);
    if (dailies.length === 0) return say('DAILIES.none', { here, command: s.code(s.dailySetCommand) });
    return [
      say('DAILIES.title', { here }),
      ...dailies.map((daily) => {
        const values = { channel: s.channel(daily.channelId), time: daily.localTime, zone: daily.timeZone };
        const line =
          daily.deckId === null
            ? say('DAILIES.line', values)
            : say('DAILIES.lineDeck', { ...values, deck: s.code(daily.deckId) });
        // The language its questions are written in, when one was chosen for it (else the community's).
        return daily.language === null
          ? `• ${line}`
          : `• ${line} · ${say(`languageNames.${daily.language}`)}`;
      }),
    ].join('\n');
  },
  NO_STUDY_CONTROLS: ({ say }) => say('NO_STUDY_CONTROLS'),
  SUSPENDED: ({ s, say }, m) =>
    say('SUSPENDED', { card: s.code(m.cardId), command: s.code(s.settingsCommand) }),
  BURIED: ({ s, say, locale }, m) =>
    say('BURIED', { card: s.code(m.cardId), when: describeWhen(m.until, m.now, locale) }),
  KEEP_STUDYING: ({ s, say }, m) => say('KEEP_STUDYING', { card: s.code(m.cardId) }),
  UNSUSPENDED: ({ s, say }, m) =>
    m.done
      ? say('UNSUSPENDED.done', { card: s.code(m.cardId) })
      : say('UNSUSPENDED.notSuspended', { card: s.code(m.cardId), command: s.code(s.settingsCommand) }),
  NOTHING_TO_PRACTISE: ({ s, say }, m) => {
    const where = [
      m.deckId && say('NOTHING_TO_PRACTISE.deck', { deck: s.code(m.deckId) }),
      m.tag && say('NOTHING_TO_PRACTISE.tag', { tag: s.code(m.tag) }),
    ].filter((part): part is string => Boolean(part));
    return where.length === 0
      ? say('NOTHING_TO_PRACTISE.anywhere')
      : say('NOTHING_TO_PRACTISE.scoped', { scope: where.join(', ') });
  },
  LEECHES: ({ s, say }, { rows }) => {
    if (rows.length === 0) return say('LEECHES.none', { here: say(`place.${s.place}.here`) });
    return [
      say('LEECHES.title'),
      ...rows.map((row, i) => {
        const members = say('LEECHES.members', { count: row.people });
        const leeches = say('LEECHES.leeches', { count: row.leeches });
        return `${i + 1}. ${s.code(row.cardId)} (${s.text(clipped(row.question))}): ${members} · ${leeches}`;
      }),
    ].join('\n');
  },
  LEECH: ({ say }) => say('LEECH', { keep: say('button.keepStudying'), note: say('button.showNote') }),
  PRACTICE_NOTED: ({ say }) => say('PRACTICE_NOTED'),
  SETTINGS: ({ s, say }, { learner, reminder, changed, locale, suspended }) => {
    const place = (phrase: 'here' | 'a' | 'across') => say(`place.${s.place}.${phrase}`);
    const language = say(`languageNames.${locale}`);
    const lines = [
      changed ? say('SETTINGS.saved') : say('SETTINGS.title', { across: place('across') }),
      s.fact(say('SETTING_NAMES.desiredRetention'), percent(learner.desiredRetention, locale)),
      s.fact(say('SETTING_NAMES.newPerDay'), learner.newPerDay),
      s.fact(say('SETTING_NAMES.maxReviewsPerDay'), learner.maxReviewsPerDay),
      s.fact(say('SETTING_NAMES.timeZone'), learner.timeZone),
      s.fact(
        say('SETTINGS.leechAfter'),
        learner.leechLapses === 0
          ? say('SETTINGS.leechOff')
          : say('SETTINGS.lapses', { count: learner.leechLapses }),
      ),
      s.fact(
        say('SETTINGS.language'),
        learner.language === null ? say('SETTINGS.languageAuto', { name: language }) : language,
      ),
    ];
    const turnOn = s.settingOption('reminders', 'True');
    if (reminder === 'no place') {
      lines.push(
        s.aside(say('SETTINGS.remindersElsewhere', { a: place('a'), command: s.code(s.settingsCommand) })),
      );
    } else if (reminder?.enabled) {
      const { localTime: time, timeZone: zone } = reminder;
      lines.push(say('SETTINGS.remindersOn', { here: place('here'), time, zone }));
    } else {
      lines.push(
        turnOn === null
          ? say('SETTINGS.remindersOff', { here: place('here') })
          : say('SETTINGS.remindersOffHow', { here: place('here'), command: s.code(turnOn) }),
      );
    }
    const example = s.settingOption('new_per_day', '10');
    if (!changed && example !== null) {
      lines.push(
        s.aside(
          say('SETTINGS.howToChange', { command: s.code(s.settingsCommand), example: s.code(example) }),
        ),
      );
    }
    if (suspended.length > 0) {
      lines.push(say('SETTINGS.suspended'));
      lines.push(
        ...suspended.map((card, i) => {
          const leech = card.reason === 'leech' ? ` · ${say('SETTINGS.leech')}` : '';
          return `${i + 1}. ${s.code(card.cardId)} (${s.text(clipped(card.question))})${leech}`;
        }),
      );
    }
    return lines.join('\n');
  },
  RESCHEDULED: ({ s, say, locale }, { outcome, learner, saved }) => {
    const lines = saved ? [say('SETTINGS.saved')] : [];
    if (outcome.cards === 0) lines.push(say('RESCHEDULED.nothing'));
    else {
      lines.push(
        say(outcome.fitted ? 'RESCHEDULED.fitted' : 'RESCHEDULED.defaults', {
          retention: percent(learner.desiredRetention, locale),
          moved: say('RESCHEDULED.cards', { count: outcome.moved }),
          cards: outcome.cards,
        }),
      );
    }
    if (outcome.kept > 0) lines.push(s.aside(say('RESCHEDULED.kept', { count: outcome.kept })));
    return lines.join('\n');
  },
  BAD_SETTING: ({ s, say }, m) => {
    const option = SETTING_OPTIONS[m.field];
    const values = { name: say(`SETTING_NAMES.${m.field}`), problem: problemWords(say, m.field) };
    return s.settingOption(option, '') === null
      ? say('BAD_SETTING.plain', values)
      : say('BAD_SETTING.option', { ...values, option: s.code(option) });
  },
  REMINDER_NEEDS_PLACE: ({ s, say }) =>
    say('REMINDER_NEEDS_PLACE', { a: say(`place.${s.place}.a`), command: s.code(s.settingsCommand) }),
  NOTHING_CHANGED: (voice, m) =>
    voice.say('NOTHING_CHANGED', { because: wordsOf(m.because, voice.s, voice.locale) }),
  EXPORT: ({ s, say }, m) => `${say('EXPORT')}\n${s.codeBlock(m.json)}`,
  EXPORT_FILE: ({ say, locale }, m) => say('EXPORT_FILE', { size: bytesWords(m.bytes, locale) }),
  ERASE_CONFIRM: ({ say }) => say('ERASE_CONFIRM', { button: say('button.eraseMyData') }),
  ERASED: ({ say }, { erased, total }) => {
    if (total === 0) return say('ERASED.nothing');
    const kinds = ERASED_KINDS.filter((kind) => erased[kind] > 0).map((kind) =>
      say(`ERASED.${kind}`, { count: erased[kind] }),
    );
    return say('ERASED.title', { kinds: kinds.join(', ') });
  },
  LEADERBOARD_VISIBILITY: ({ say }, m) =>
    say(m.hidden ? 'LEADERBOARD_VISIBILITY.hidden' : 'LEADERBOARD_VISIBILITY.shown'),
  LANGUAGE_SET: ({ say }, m) =>
    say(m.chosen === null ? 'LANGUAGE_AUTO' : 'LANGUAGE_SET', { name: say(`languageNames.${m.locale}`) }),
  DECK_ADMINS_ONLY: ({ s, say }) => say('DECK_ADMINS_ONLY', { admins: say(s.admins) }),
  IMPORT_PREVIEW: (voice, m) =>
    [
      voice.say('IMPORT.preview', { file: voice.s.text(m.fileName) }),
      ...m.decks.map((deck) => summaryWords(voice, deck, 'preview')),
      voice.s.aside(voice.s.text(m.notice)),
    ].join('\n'),
  IMPORT_REFUSED: ({ s, say }, m) =>
    [
      say('IMPORT.refused'),
      ...listed(
        say,
        m.problems.map((problem) => s.text(problem)),
      ),
    ].join('\n'),
  IMPORTED: (voice, m) =>
    [voice.say('IMPORT.imported'), ...m.decks.map((deck) => summaryWords(voice, deck, 'done'))].join('\n'),
  IMPORT_GONE: ({ say }) => say('IMPORT.gone'),
  IMPORT_CANCELLED: ({ say }) => say('IMPORT.cancelled'),
  DECK_EXPORTED: ({ s, say }, m) =>
    say('DECK_EXPORTED', { deck: s.code(m.deckId), file: s.text(m.fileName) }),
  EXPORT_TOO_LARGE: ({ s, say }, m) =>
    say('EXPORT_TOO_LARGE', {
      deck: s.code(m.deckId),
      size: Math.ceil(m.bytes / 1_048_576),
      command: s.code('mnemo cards export'),
    }),
  NOT_A_BUNDLED_DECK: ({ s, say }, m) =>
    say('NOT_A_BUNDLED_DECK', { deck: s.text(m.deckId), decks: s.code(s.decksCommand) }),
  DECK_VISIBILITY: ({ s, say }, m) =>
    say(m.hidden ? 'DECK_VISIBILITY.hidden' : 'DECK_VISIBILITY.shown', {
      deck: s.code(m.deckId),
      here: say(`place.${s.place}.here`),
    }),
  IMPORT_STEP: ({ say }, m) => say(m.step === 'downloading' ? 'IMPORT.downloading' : 'IMPORT.reading'),
};

/** The most problems a message lists; the rest are counted (a message has a length limit). */
const PROBLEMS_SHOWN = 12;

function listed(say: Say, items: readonly string[]): string[] {
  const shown = items.slice(0, PROBLEMS_SHOWN).map((item) => `• ${item}`);
  const more = items.length - PROBLEMS_SHOWN;
  return more > 0 ? [...shown, say('IMPORT.more', { count: more })] : shown;
}

/** One deck of an import: what it holds, what changes, and every item left out as `item: message`. */
function summaryWords({ s, say }: Voice, deck: ImportSummary, when: 'preview' | 'done'): string {
  const kinds = (Object.keys(deck.kinds) as (keyof ImportSummary['kinds'])[])
    .filter((kind) => deck.kinds[kind] > 0)
    .map((kind) => say(`IMPORT.kinds.${kind}`, { count: deck.kinds[kind] }));
  const title = `🗂️ ${s.bold(s.text(deck.deck.title))} (${s.code(deck.deck.id)})`;
  return [
    say('IMPORT.deck', {
      deck: title,
      notes: say('IMPORT.notes', { count: deck.notes }),
      kinds: kinds.join(', ') || say('IMPORT.noCards'),
    }),
    say(when === 'preview' ? 'IMPORT.changes' : 'IMPORT.changed', deck.cards),
    say('IMPORT.media', deck.media),
    ...listed(
      say,
      deck.skipped.map((skip) => `${s.text(skip.item)}: ${s.text(skip.reason)}`),
    ),
  ].join('\n');
}

/** Every count an erasure tells, in the order told. */
const ERASED_KINDS = [
  'people',
  'cardStates',
  'reviews',
  'prompts',
  'reminders',
  'deliveries',
  'fits',
  'dailiesUnattributed',
] as const satisfies readonly (keyof Erased)[];

/** The option of the settings command that changes each setting (as the issue names them). */
const SETTING_OPTIONS = {
  desiredRetention: 'retention',
  newPerDay: 'new_per_day',
  maxReviewsPerDay: 'max_reviews',
  timeZone: 'timezone',
  leechLapses: 'leech_lapses',
} as const satisfies Record<keyof SchedulingSettings, string>;

/** What a refused setting must be, from the same limits core checks it against. */
export function problemWords(say: Say, field: keyof SchedulingSettings): string {
  if (field === 'timeZone') return say('BAD_SETTING.timeZone');
  const { min, max } = SETTING_LIMITS[field];
  return say(field === 'desiredRetention' ? 'BAD_SETTING.range' : 'BAD_SETTING.wholeRange', { min, max });
}

/** Whether the person's schedule is fitted to their own reviews, since when, and the two log losses. */
function modelWords(say: Say, model: FitSummary | null, timeZone: string): string {
  if (!model) return say('STATS.modelDefaults');
  const losses = { before: model.loglossBefore.toFixed(2), after: model.loglossAfter.toFixed(2) };
  if (model.adoptedAt === null) return say('STATS.modelNotBetter', losses);
  return say('STATS.modelFitted', { ...losses, since: localDay(model.adoptedAt, timeZone).date });
}

function percent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

function bytesWords(bytes: number, locale: Locale): string {
  const unit = bytes < 1_000_000 ? 'kilobyte' : 'megabyte';
  const value = bytes / (unit === 'kilobyte' ? 1_000 : 1_000_000);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** A leaderboard's period in English words ("the last 7 days"), on its picture. */
export const PERIOD_WORDS = {
  week: translate('en', 'LEADERBOARD.week'),
  month: translate('en', 'LEADERBOARD.month'),
  all: translate('en', 'LEADERBOARD.all'),
} as const satisfies Record<LeaderboardPeriod, string>;

const MEDALS = ['🥇', '🥈', '🥉'];

const QUESTION_SHOWN = 60; // characters of a card's question in a list

/** A question on one short line. */
function clipped(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length <= QUESTION_SHOWN ? line : `${line.slice(0, QUESTION_SHOWN - 1)}…`;
}

/** A card's answer and note, one line each after its bold label; each shows at most `within` characters. */
export function answerLines(card: Card, style: Style, locale: Locale, within?: number): string[] {
  const say = sayer(style, locale);
  const line = (key: MessageKey, text: string) => `${style.bold(`${say(key)}:`)} ${style.card(text, within)}`;
  return [line('card.answer', card.answer), ...(card.note ? [line('card.note', card.note)] : [])];
}

/** What a verdict adds after an answer: that it was practice, or that the card became a leech. */
export function verdictNotices(result: AnswerSuccess, style: Style, locale: Locale): string[] {
  const notices: Message[] = [];
  if (result.practice) notices.push({ code: 'PRACTICE_NOTED' });
  if (result.leech) notices.push({ code: 'LEECH' });
  return notices.map((message) => wordsOf(message, style, locale));
}

/** The words of a message, written in a platform's style, in the person's language. */
export function wordsOf(message: Message, style: Style, locale: Locale = DEFAULT_LOCALE): string {
  const voice: Voice = { s: style, say: sayer(style, locale), locale };
  return (MESSAGES[message.code] as Words<Message>)(voice, message);
}
