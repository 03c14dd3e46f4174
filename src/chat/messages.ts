import type {
  ChannelDaily,
  DeckSummary,
  LeaderboardPeriod,
  LeaderboardRow,
  Reminder,
} from '../core/community/ports.ts';
import type { ImportSummary } from '../core/deck/imported.ts';
import type { FitSummary } from '../core/memory-model/ports.ts';
import type { Erased } from '../core/privacy/ports.ts';
import type { Learner, LearnerStats } from '../core/quiz/ports.ts';
import type { AnswerOutcome, AnswerSuccess, DisputeOutcome, RescheduleOutcome } from '../core/quiz/quiz.ts';
import type { LeechRow, SuspendedCard } from '../core/quiz/study.ts';
import { describeWhen, localDay } from '../core/scheduling/day.ts';
import type { SchedulingSettings } from '../core/scheduling/settings.ts';
import type { ImportStep } from './deck-files.ts';

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
  | { code: 'BAD_SETTING'; field: keyof SchedulingSettings; problem: string }
  | { code: 'REMINDER_NEEDS_PLACE' }
  | { code: 'NOTHING_CHANGED'; because: Message }
  | { code: 'EXPORT'; json: string }
  | { code: 'EXPORT_TOO_LONG'; characters: number; personId: string }
  | { code: 'ERASE_CONFIRM' }
  | { code: 'ERASED'; erased: Erased; total: number }
  | { code: 'LEADERBOARD_VISIBILITY'; hidden: boolean }
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

/** How a platform writes emphasis, code and outside text, and how its commands are typed. */
export interface Style {
  bold(text: string): string;
  /** A command or an id, shown as code. */
  code(text: string): string;
  /** Card or user text made inert for the platform. */
  text(text: string): string;
  /** How a person starts a quiz there: `/quiz`, `/mnemo quiz`. */
  quizCommand: string;
  /** How a person reviews one deck there: `/quiz deck:<id>`, `/mnemo quiz <id>`. */
  quizDeckCommand(deckId: string): string;
  /** How a person lists the decks, and (where there is one) asks about one deck. */
  decksCommand: string;
  deckInfoCommand: string | null;
  /** What a community is called there: a server, a workspace. */
  placeWord: string;
  /** A labelled value: `Streak: **1 day**`, `*Streak:* 1 day`. */
  fact(label: string, value: string | number): string;
  /** A line in small print. */
  aside(text: string): string;
  /** Text shown as is, in a block of code. */
  codeBlock(text: string): string;
  /** How a person starts a channel's question of the day there. */
  dailySetCommand: string;
  /** Who may manage the questions of the day there. */
  admins: string;
  /** Said after a question of the day is set, where the platform needs more done. */
  dailySetHint: string | null;
  /** How a person changes their settings there: the command, and the option of a setting (none: a form). */
  settingsCommand: string;
  settingOption(name: string, value: string): string | null;
  /** A channel, shown as a link that pings no one. */
  channel(channelId: string): string;
  /** A member of a leaderboard, shown without pinging them. */
  member(row: Pick<LeaderboardRow, 'externalId' | 'displayName'>): string;
}

type Words<M extends Message> = (style: Style, message: M) => string;
type Table = { [C in MessageCode]: Words<Extract<Message, { code: C }>> };

/** The one table of what a person reads for every outcome, on every platform. */
const MESSAGES: Table = {
  PROMPT_NOT_FOUND: (s) => `That question is no longer open. Use ${s.code(s.quizCommand)} for a fresh one.`,
  NOT_YOUR_PROMPT: (s) =>
    `That card was dealt to someone else, so it is no longer open to you. Use ${s.code(s.quizCommand)} to get your own.`,
  STALE_PROMPT: (s) =>
    `You reviewed this card since it was shown, so this answer does not count. Use ${s.code(s.quizCommand)} for the next one.`,
  WRONG_ANSWER_KIND: () => 'That kind of answer does not fit this card.',
  NO_SUCH_OPTION: () => 'That option is not on this card.',
  CARD_NOT_FOUND: () => 'This question was retired from its deck, so it can no longer be answered.',
  REVIEW_NOT_FOUND: () => 'There is no answer to re-rate.',
  NOT_YOUR_REVIEW: () => 'That answer is not yours to re-rate.',
  ALREADY_RIGHT: () => 'That answer already counted as right.',
  REVIEWED_SINCE: () => 'You reviewed that card again since, so this answer can no longer be re-rated.',
  NOTHING_DUE: (s, m) => {
    const where = m.deckId === null ? '' : ` in ${s.code(m.deckId)}`;
    if (!m.nextDue) return `🎉 Nothing to review${where}: every card is done for now.`;
    return `🎉 Nothing due right now${where}. The next card is due ${describeWhen(m.nextDue, m.now)}.`;
  },
  RERATED: (s, m) => {
    const back = `${s.bold('Good')}; back ${s.bold(describeWhen(m.due, m.now))}.`;
    return m.repeated ? `Already re-rated ${back}` : `Re-rated ${back}`;
  },
  ALREADY_ANSWERED: (s) => `${s.bold('Already answered')}: your first answer stands.`,
  ALREADY_HANDLED: () => 'This was already handled.',
  NEEDS_PLACE: () => 'This works in a server, not in DMs: use it in a channel of your server.',
  APOLOGY: () => 'Sorry, something went wrong on our side. Please try again in a moment.',
  STATS: (s, { stats }) => {
    const retention =
      stats.retention30d === null ? 'no reviews yet' : `${Math.round(stats.retention30d * 100)}%`;
    return [
      `📊 ${s.bold('Your progress')}`,
      [
        s.fact('Due now', stats.dueNow),
        s.fact('today', stats.dueToday),
        s.fact('tomorrow', stats.dueTomorrow),
        s.fact('this week', stats.dueThisWeek),
      ].join(' · '),
      `${s.fact('Reviewed today', stats.reviewedToday)} · ${s.fact('all time', stats.totalReviews)}`,
      s.fact('Retention (30 days)', retention),
      s.fact('Streak', count(stats.streak, 'day')),
      modelWords(stats.model, stats.timeZone),
    ].join('\n');
  },
  DECKS: (s, { decks }) => {
    if (decks.length === 0) return 'No decks are loaded yet.';
    const more = s.deckInfoCommand === null ? '' : `; ${s.code(s.deckInfoCommand)} tells more`;
    return [
      `🗂️ ${s.bold('Decks')}`,
      ...decks.map((deck) => {
        const about = deck.description ? `\n    ${s.text(deck.description)}` : '';
        return `• ${s.bold(s.text(deck.title))} (${s.code(deck.id)}): ${count(deck.cards, 'card')}${about}`;
      }),
      s.aside(`${s.code(s.quizDeckCommand('<id>'))} reviews one deck${more}.`),
    ].join('\n');
  },
  DECK_INFO: (s, { deck }) => {
    const lines = [`🗂️ ${s.bold(s.text(deck.title))} · ${s.code(deck.id)}`];
    if (deck.description) lines.push(s.text(deck.description));
    lines.push(s.fact('Cards', deck.cards));
    if (deck.tags.length > 0) lines.push(`Tags: ${deck.tags.map((tag) => s.code(tag)).join(', ')}`);
    lines.push(s.aside(`Review it with ${s.code(s.quizDeckCommand(deck.id))}.`));
    return lines.join('\n');
  },
  UNKNOWN_DECK: (s, m) => `There is no deck “${s.text(m.deckId)}”: ${s.code(s.decksCommand)} shows them.`,
  LEADERBOARD: (s, { rows, period }) => {
    const when = PERIOD_WORDS[period];
    if (rows.length === 0) {
      return `No reviews in this ${s.placeWord} over ${when} yet. Be the first: ${s.code(s.quizCommand)}.`;
    }
    return [
      `🏆 ${s.bold('Leaderboard')} · ${when}`,
      ...rows.map((row, i) => {
        const accuracy = `${Math.round(row.accuracy * 100)}%`;
        const streak = row.streak > 0 ? ` · 🔥 ${row.streak}` : '';
        const rank = MEDALS[i] ?? s.bold(`${i + 1}.`);
        return `${rank} ${s.member(row)}: ${count(row.reviews, 'review')} · ${accuracy} right${streak}`;
      }),
    ].join('\n');
  },
  ADMINS_ONLY: (s) => `Only ${s.admins} can manage the question of the day.`,
  LEECHES_ADMINS_ONLY: (s) => `Only ${s.admins} can list this ${s.placeWord}'s leeches.`,
  BAD_TIME: (s, m) => `“${s.text(m.value)}” is not a time of day: use HH:MM, such as 09:30.`,
  BAD_TIME_ZONE: (s, m) => `“${s.text(m.value)}” is not a time zone: use an IANA name such as Europe/Berlin.`,
  DAILY_SET: (s, { daily }) => {
    const hint = s.dailySetHint === null ? '' : ` ${s.dailySetHint}`;
    return `📅 ${s.channel(daily.channelId)} gets a question of the day at ${s.bold(daily.localTime)} (${daily.timeZone}), from ${deckWords(s, daily.deckId)}.${hint}`;
  },
  DAILY_STOPPED: (s, m) =>
    m.stopped
      ? `Stopped the question of the day in ${s.channel(m.channelId)}.`
      : `${s.channel(m.channelId)} had no question of the day.`,
  DAILIES: (s, { dailies }) => {
    if (dailies.length === 0) {
      return `No channel in this ${s.placeWord} has a question of the day. Start one with ${s.code(s.dailySetCommand)}.`;
    }
    return [
      `📅 ${s.bold(`Questions of the day in this ${s.placeWord}`)}`,
      ...dailies.map((daily) => {
        const deck = daily.deckId === null ? '' : ` · deck ${s.code(daily.deckId)}`;
        return `• ${s.channel(daily.channelId)} at ${daily.localTime} ${daily.timeZone}${deck}`;
      }),
    ].join('\n');
  },
  NO_STUDY_CONTROLS: () => 'Suspending, burying and practice are not set up here.',
  SUSPENDED: (s, m) =>
    `⏸️ ${s.code(m.cardId)} is ${s.bold('suspended')}: it stays out of your reviews until you unsuspend it from ${s.code(s.settingsCommand)}.`,
  BURIED: (s, m) =>
    `🛌 ${s.code(m.cardId)} is ${s.bold('buried')} until ${describeWhen(m.until, m.now)} (your next day).`,
  KEEP_STUDYING: (s, m) => `▶️ ${s.code(m.cardId)} is back in your reviews, and its leech count starts again.`,
  UNSUSPENDED: (s, m) =>
    m.done
      ? `▶️ ${s.code(m.cardId)} is back in your reviews.`
      : `${s.code(m.cardId)} was not suspended: ${s.code(s.settingsCommand)} lists the cards that are.`,
  NOTHING_TO_PRACTISE: (s, m) => {
    const where = [m.deckId && `deck ${s.code(m.deckId)}`, m.tag && `tag ${s.code(m.tag)}`].filter(Boolean);
    const scope = where.length === 0 ? '' : ` in ${where.join(', ')}`;
    return `Nothing to practise${scope} right now: practice asks the cards you have reviewed, closest to being forgotten first, once each per half hour.`;
  },
  LEECHES: (s, { rows }) => {
    if (rows.length === 0) return `No card became a leech for anyone in this ${s.placeWord} yet.`;
    return [
      `🩹 ${s.bold('Leeches')}: the cards members lapse on most, likely badly written`,
      ...rows.map(
        (row, i) =>
          `${i + 1}. ${s.code(row.cardId)} (${s.text(clipped(row.question))}): ${count(row.people, 'member')} · ${count(row.leeches, 'leech', 'leeches')}`,
      ),
    ].join('\n');
  },
  LEECH: (s) =>
    `🩹 ${s.bold('Leech')}: you have forgotten this card again and again, so it is ${s.bold('suspended')} for you. ${s.bold('Keep studying')} brings it back; ${s.bold('Show note')} shows it whole; rewriting it in your own words often helps.`,
  PRACTICE_NOTED: () => '🏋️ Practice: logged apart, your schedule is unchanged.',
  SETTINGS: (s, { learner, reminder, changed, suspended }) => {
    const lines = [
      changed
        ? `✅ ${s.bold('Settings saved.')}`
        : `⚙️ ${s.bold('Your settings')} (they follow you across ${s.placeWord}s)`,
      s.fact('Desired retention', `${Math.round(learner.desiredRetention * 100)}%`),
      s.fact('New cards per day', learner.newPerDay),
      s.fact('Maximum reviews per day', learner.maxReviewsPerDay),
      s.fact('Time zone', learner.timeZone),
      s.fact('Leech after', learner.leechLapses === 0 ? 'off' : count(learner.leechLapses, 'lapse')),
    ];
    const turnOn = s.settingOption('reminders', 'True');
    if (reminder === 'no place') {
      lines.push(
        s.aside(
          `DM reminders belong to a ${s.placeWord}: use ${s.code(s.settingsCommand)} there to turn them on or off.`,
        ),
      );
    } else {
      const state = reminder?.enabled
        ? `${s.bold('on')}, at ${s.bold(reminder.localTime)} (${reminder.timeZone})`
        : `${s.bold('off')}${turnOn === null ? '' : ` (${s.code(turnOn)} to get one)`}`;
      lines.push(`DM reminders in this ${s.placeWord}: ${state}`);
    }
    const example = s.settingOption('new_per_day', '10');
    if (!changed && example !== null) {
      lines.push(
        s.aside(`Change them with the options of ${s.code(s.settingsCommand)}, e.g. ${s.code(example)}.`),
      );
    }
    if (suspended.length > 0) {
      lines.push(`⏸️ ${s.bold('Suspended cards')} (${s.bold('Unsuspend')} brings one back):`);
      lines.push(
        ...suspended.map(
          (card, i) =>
            `${i + 1}. ${s.code(card.cardId)} (${s.text(clipped(card.question))})${card.reason === 'leech' ? ' · leech' : ''}`,
        ),
      );
    }
    return lines.join('\n');
  },
  RESCHEDULED: (s, { outcome, learner, saved }) => {
    const lines = saved ? [`✅ ${s.bold('Settings saved.')}`] : [];
    if (outcome.cards === 0) lines.push('🔁 Nothing to reschedule: you have not reviewed a card yet.');
    else {
      const parameters = outcome.fitted ? 'your own fitted FSRS parameters' : "FSRS's default parameters";
      const retention = `${Math.round(learner.desiredRetention * 100)}%`;
      lines.push(
        `🔁 ${s.bold('Rescheduled')} from your reviews with ${parameters} at ${retention} desired retention: ${count(outcome.moved, 'card')} of ${outcome.cards} got a new due date.`,
      );
    }
    if (outcome.kept > 0)
      lines.push(
        s.aside(
          `${count(outcome.kept, 'card')} kept as they were: their reviews do not start at the first one.`,
        ),
      );
    return lines.join('\n');
  },
  BAD_SETTING: (s, m) => {
    const { name, option } = SETTINGS_WORDS[m.field];
    const named = s.settingOption(option, '') === null ? '' : ` (${s.code(option)})`;
    return `Nothing was changed: ${name}${named} ${m.problem}.`;
  },
  REMINDER_NEEDS_PLACE: (s) =>
    `Nothing was changed: DM reminders belong to a ${s.placeWord}. Use ${s.code(s.settingsCommand)} there.`,
  NOTHING_CHANGED: (s, m) => `Nothing was changed: ${wordsOf(m.because, s)}`,
  EXPORT: (s, m) =>
    `📦 ${s.bold('Everything Mnemo stores about you here')}, as JSON:\n${s.codeBlock(m.json)}`,
  EXPORT_TOO_LONG: (s, m) =>
    `📦 Your data is too long for a message (${count(m.characters, 'character')}). Ask the bot's operator to run ${s.code(`mnemo privacy export --person ${m.personId}`)}.`,
  ERASE_CONFIRM: (s) =>
    `⚠️ This erases your settings, card states, reviews, prompts and reminders in Mnemo on this platform, at once and for good. Leaderboards drop you. ${s.bold('Erase my data')} goes on; otherwise ignore this message.`,
  ERASED: (s, { erased, total }) => {
    if (total === 0) return 'Nothing was stored about you, so nothing was erased.';
    const kinds = (Object.keys(ERASED_WORDS) as (keyof Erased)[])
      .filter((kind) => erased[kind] > 0)
      .map((kind) => count(erased[kind], ERASED_WORDS[kind][0], ERASED_WORDS[kind][1]));
    return `🗑️ ${s.bold('Erased')}: ${kinds.join(', ')}.`;
  },
  LEADERBOARD_VISIBILITY: (s, m) =>
    m.hidden
      ? `✅ You are ${s.bold('hidden')} from leaderboards now.`
      : `✅ You ${s.bold('show')} on leaderboards again.`,
  DECK_ADMINS_ONLY: (s) => `Only ${s.admins} can import, export, hide or show decks.`,
  IMPORT_PREVIEW: (s, m) =>
    [
      `📥 ${s.bold('Import preview')} of ${s.text(m.fileName)}: nothing is stored until you confirm.`,
      ...m.decks.map((deck) => summaryWords(s, deck, 'preview')),
      s.aside(m.notice),
    ].join('\n'),
  IMPORT_REFUSED: (s, m) =>
    [`⚠️ ${s.bold('Nothing was imported')}:`, ...listed(m.problems.map((problem) => s.text(problem)))].join(
      '\n',
    ),
  IMPORTED: (s, m) =>
    [`✅ ${s.bold('Imported')}.`, ...m.decks.map((deck) => summaryWords(s, deck, 'done'))].join('\n'),
  IMPORT_GONE: () =>
    'That import is no longer waiting (it was confirmed, cancelled or expired, or is someone else’s). Upload the file again.',
  IMPORT_CANCELLED: () => 'Import cancelled: nothing was stored.',
  DECK_EXPORTED: (s, m) => `📤 Deck ${s.code(m.deckId)} as ${s.text(m.fileName)}.`,
  EXPORT_TOO_LARGE: (s, m) =>
    `Deck ${s.code(m.deckId)} makes a file of ${Math.ceil(m.bytes / 1_048_576)} MB, more than chat takes: ask the bot's operator to run ${s.code(`mnemo cards export`)}.`,
  NOT_A_BUNDLED_DECK: (s, m) =>
    `There is no deck “${s.text(m.deckId)}” for everyone: only those can be hidden or shown (${s.code(s.decksCommand)} lists the decks).`,
  DECK_VISIBILITY: (s, m) =>
    m.hidden
      ? `🙈 Deck ${s.code(m.deckId)} is ${s.bold('hidden')} in this ${s.placeWord}: it no longer comes up in quizzes, lists or questions of the day here.`
      : `👀 Deck ${s.code(m.deckId)} ${s.bold('shows')} in this ${s.placeWord} again.`,
  IMPORT_STEP: (_s, m) => (m.step === 'downloading' ? '⏳ Downloading the file…' : '⏳ Reading the decks…'),
};

/** The most problems a message lists; the rest are counted (a message has a length limit). */
const PROBLEMS_SHOWN = 12;

function listed(items: readonly string[]): string[] {
  const shown = items.slice(0, PROBLEMS_SHOWN).map((item) => `• ${item}`);
  const more = items.length - PROBLEMS_SHOWN;
  return more > 0 ? [...shown, `…and ${count(more, 'more problem', 'more problems')}`] : shown;
}

/** One deck of an import: what it holds, what changes, and every item left out as `item: message`. */
function summaryWords(s: Style, deck: ImportSummary, when: 'preview' | 'done'): string {
  const kinds = (Object.keys(deck.kinds) as (keyof ImportSummary['kinds'])[])
    .filter((kind) => deck.kinds[kind] > 0)
    .map((kind) => `${deck.kinds[kind]} ${kind}`);
  const { added, updated, unchanged, retired } = deck.cards;
  return [
    `🗂️ ${s.bold(s.text(deck.deck.title))} (${s.code(deck.deck.id)}): ${count(deck.notes, 'note')}; cards: ${kinds.join(', ') || 'none'}`,
    when === 'preview'
      ? `To add ${added} · to update ${updated} · unchanged ${unchanged} · to retire ${retired}`
      : `Added ${added} · updated ${updated} · unchanged ${unchanged} · retired ${retired}`,
    `Media: ${deck.media.stored} stored, ${deck.media.missing} missing`,
    ...listed(deck.skipped.map((skip) => `${s.text(skip.item)}: ${s.text(skip.reason)}`)),
  ].join('\n');
}

/** What each count of an erasure is called: one, many. */
const ERASED_WORDS = {
  people: ['profile', 'profiles'],
  cardStates: ['card state', 'card states'],
  reviews: ['review', 'reviews'],
  prompts: ['card shown', 'cards shown'],
  reminders: ['reminder', 'reminders'],
  deliveries: ['reminder sent', 'reminders sent'],
  fits: ['parameter fit', 'parameter fits'],
  dailiesUnattributed: [
    'question of the day no longer in your name',
    'questions of the day no longer in your name',
  ],
} as const satisfies Record<keyof Erased, readonly [string, string]>;

/** Each setting's name, and the option of the settings command that changes it (as the issue names them). */
const SETTINGS_WORDS = {
  desiredRetention: { name: 'Desired retention', option: 'retention' },
  newPerDay: { name: 'New cards per day', option: 'new_per_day' },
  maxReviewsPerDay: { name: 'Maximum reviews per day', option: 'max_reviews' },
  timeZone: { name: 'Time zone', option: 'timezone' },
  leechLapses: { name: 'Leech lapses', option: 'leech_lapses' },
} as const satisfies Record<keyof SchedulingSettings, { name: string; option: string }>;

/** Whether the person's schedule is fitted to their own reviews, since when, and the two log losses. */
function modelWords(model: FitSummary | null, timeZone: string): string {
  if (!model) return 'Your schedule uses FSRS defaults until you have enough reviews';
  const losses = `log loss ${model.loglossBefore.toFixed(2)} → ${model.loglossAfter.toFixed(2)}`;
  if (model.adoptedAt === null) {
    return `Your schedule uses FSRS defaults: a fit to your reviews did not predict them better (${losses})`;
  }
  const since = localDay(model.adoptedAt, timeZone).date;
  return `Your schedule is fitted to your reviews since ${since} (${losses})`;
}

function deckWords(s: Style, deckId: string | null): string {
  return deckId === null ? 'every deck' : `deck ${s.code(deckId)}`;
}

/** A leaderboard's period in words ("the last 7 days"), in the text and on its picture. */
export const PERIOD_WORDS = {
  week: 'the last 7 days',
  month: 'the last 30 days',
  all: 'all time',
} as const satisfies Record<LeaderboardPeriod, string>;

const MEDALS = ['🥇', '🥈', '🥉'];

const QUESTION_SHOWN = 60; // characters of a card's question in a list

/** A question on one short line. */
function clipped(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length <= QUESTION_SHOWN ? line : `${line.slice(0, QUESTION_SHOWN - 1)}…`;
}

/** What a verdict adds after an answer: that it was practice, or that the card became a leech. */
export function verdictNotices(result: AnswerSuccess, style: Style): string[] {
  const notices: Message[] = [];
  if (result.practice) notices.push({ code: 'PRACTICE_NOTED' });
  if (result.leech) notices.push({ code: 'LEECH' });
  return notices.map((message) => wordsOf(message, style));
}

/** "1 card", "3 cards". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The words of a message, written in a platform's style. */
export function wordsOf(message: Message, style: Style): string {
  return (MESSAGES[message.code] as Words<Message>)(style, message);
}
