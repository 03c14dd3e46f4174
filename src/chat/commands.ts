import type { Community, DailyRefusal } from '../core/community/community.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import type { SuspendedCard } from '../core/quiz/study.ts';
import { isTimeZone } from '../core/scheduling/day.ts';
import { checkSettings } from '../core/scheduling/settings.ts';
import type { CommandAction } from './action.ts';
import { type Actor, needsPlace } from './flows.ts';
import { chooseLocale } from './i18n/locale.ts';
import type { Message } from './messages.ts';
import { type ReplyPictures, withPicture } from './pictures.ts';
import { type ChatButton, type Reply, whisper } from './reply.ts';

/** The use cases the community commands read. */
export interface CommandPorts {
  quiz: Pick<Quiz, 'stats' | 'settings' | 'changeSettings' | 'reschedule' | 'suspendedCards' | 'leeches'>;
  community: Pick<
    Community,
    'decks' | 'deck' | 'leaderboard' | 'setDaily' | 'stopDaily' | 'listDailies' | 'reminder' | 'setReminder'
  >;
  /** The /stats and /leaderboard pictures; without it, those replies are text only. */
  pictures?: ReplyPictures | undefined;
}

/**
 * Who acts; `isAdmin`: the platform says they may manage the community (read from it on every request);
 * `appLocale`: the language of their app, as the platform tags it (what `auto` means in settings).
 */
export type CommandActor = Actor & {
  isAdmin?: boolean;
  appLocale?: string | null;
  /** The community's app language as the platform tags it (Discord guild_locale; Slack the admin's): /daily set keeps it. */
  communityLocale?: string | null;
};

/** One flow per community command: the core call, then the neutral reply. */
export async function runCommand(
  ports: CommandPorts,
  action: CommandAction,
  actor: CommandActor,
): Promise<Reply> {
  const { quiz, community } = ports;
  switch (action.kind) {
    case 'stats': {
      // In a community, of the cards it sees only: its hidden decks and other communities' are left out.
      const place = actor.place ?? undefined;
      const stats = await quiz.stats(actor.person, place);
      const reply = said({ code: 'STATS', stats });
      return withPicture(reply, ports.pictures, 'progress', (pictures) =>
        pictures.progress(actor.person, stats, place),
      );
    }
    case 'decks':
      return said({ code: 'DECKS', decks: await community.decks(actor.place) });
    case 'deckInfo': {
      const deck = await community.deck(actor.place, action.deckId);
      return said(deck ? { code: 'DECK_INFO', deck } : { code: 'UNKNOWN_DECK', deckId: action.deckId });
    }
    case 'leaderboard': {
      // A community's members, from its own review log only; shown to the whole channel.
      if (!actor.place) return needsPlace();
      const rows = await community.leaderboard(actor.place, action.period);
      const reply: Reply = {
        ...said({ code: 'LEADERBOARD', rows, period: action.period }),
        visibility: 'public',
      };
      if (rows.length === 0) return reply;
      return withPicture(reply, ports.pictures, 'leaderboard', (pictures) =>
        pictures.leaderboard(rows, action.period),
      );
    }
    case 'setDaily':
    case 'stopDaily':
    case 'listDailies':
      return said(await daily(ports.community, action, actor));
    case 'settings': {
      const saved = await settings(ports, action, actor);
      // A language just chosen is the one the answer is written in.
      if (saved.code === 'LANGUAGE_SET') return { ...said(saved), locale: saved.locale };
      if (saved.code !== 'SETTINGS') return said(saved);
      if (!action.reschedule) {
        const reply = whisper({ kind: 'message', message: saved }, unsuspendButtons(saved.suspended));
        return { ...reply, locale: saved.locale };
      }
      // After the settings: a new desired retention is the one the log is replayed with.
      const outcome = await quiz.reschedule(actor.person);
      return {
        ...said({ code: 'RESCHEDULED', outcome, learner: saved.learner, saved: saved.changed }),
        locale: saved.locale,
      };
    }
    case 'leeches': {
      // The community's members' leeches: only its admins see them, checked here on every request.
      if (!actor.place) return needsPlace();
      if (!actor.isAdmin) return said({ code: 'LEECHES_ADMINS_ONLY' });
      return said({ code: 'LEECHES', rows: await quiz.leeches(actor.place) });
    }
  }
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Everything is checked before anything is stored, so a refused change changes nothing. */
async function settings(
  { quiz, community }: CommandPorts,
  { patch, reminder, language }: Extract<CommandAction, { kind: 'settings' }>,
  { place, person, appLocale }: CommandActor,
): Promise<Message> {
  const refused = checkSettings(patch, isTimeZone);
  if (refused) return { code: 'BAD_SETTING', field: refused.field };
  if (reminder && !place) return { code: 'REMINDER_NEEDS_PLACE' };
  if (reminder?.localTime !== undefined && !LOCAL_TIME.test(reminder.localTime)) {
    return { code: 'NOTHING_CHANGED', because: { code: 'BAD_TIME', value: reminder.localTime } };
  }
  const patched = Object.keys(patch).length > 0 || language !== undefined;
  let learner = await quiz.settings(person);
  if (patched) {
    const changed = await quiz.changeSettings(
      person,
      language === undefined ? patch : { ...patch, language },
    );
    if (!changed.ok) return { code: 'BAD_SETTING', field: changed.field };
    learner = changed.learner;
  }
  const locale = chooseLocale(learner.language, appLocale);
  if (language !== undefined && Object.keys(patch).length === 0 && !reminder) {
    return { code: 'LANGUAGE_SET', chosen: language, locale };
  }
  const suspended = await quiz.suspendedCards(person);
  if (!place) {
    return { code: 'SETTINGS', learner, reminder: 'no place', changed: patched, locale, suspended };
  }
  if (reminder) {
    const current = await community.reminder(place, person);
    const set = await community.setReminder(place, person, {
      // Giving a time asks for reminders; only turning them off turns them off.
      enabled: reminder.enabled ?? current?.enabled ?? true,
      ...(reminder.localTime === undefined ? {} : { localTime: reminder.localTime }),
      timeZone: learner.timeZone,
    });
    if (!set.ok) return refusalOf(set);
  }
  const now = await community.reminder(place, person);
  return {
    code: 'SETTINGS',
    learner,
    reminder: now,
    changed: patched || reminder !== null,
    locale,
    suspended,
  };
}

/** "Unsuspend <n>" for each suspended card listed in the settings, in the list's order. */
function unsuspendButtons(suspended: readonly SuspendedCard[]): ChatButton[] {
  return suspended.map((card, i) => ({
    label: { key: 'button.unsuspend', values: { n: i + 1 } },
    action: { kind: 'unsuspend', cardId: card.cardId },
    style: 'secondary',
  }));
}

/** The questions of the day: checked for the right before anything is read or stored. */
async function daily(
  community: CommandPorts['community'],
  action: Extract<CommandAction, { kind: 'setDaily' | 'stopDaily' | 'listDailies' }>,
  actor: CommandActor,
): Promise<Message> {
  const { place } = actor;
  if (!place) return { code: 'NEEDS_PLACE' };
  if (!actor.isAdmin) return { code: 'ADMINS_ONLY' };
  const admin = { ...actor.person, isAdmin: true };
  switch (action.kind) {
    case 'listDailies':
      return { code: 'DAILIES', dailies: await community.listDailies(place) };
    case 'stopDaily': {
      const stopped = await community.stopDaily(place, admin, action.channelId);
      return stopped.ok
        ? { code: 'DAILY_STOPPED', channelId: action.channelId, stopped: stopped.stopped }
        : refusalOf(stopped);
    }
    case 'setDaily': {
      const { kind: _kind, ...request } = action;
      const communityLocale = actor.communityLocale ?? null;
      const set = await community.setDaily(place, admin, { ...request, communityLocale });
      return set.ok ? { code: 'DAILY_SET', daily: set.daily } : refusalOf(set);
    }
  }
}

/** A refused schedule, in the message table's words. */
export function refusalOf(refusal: DailyRefusal): Message {
  switch (refusal.code) {
    case 'NOT_ALLOWED':
      return { code: 'ADMINS_ONLY' };
    case 'UNKNOWN_DECK':
      return { code: 'UNKNOWN_DECK', deckId: refusal.value };
    default:
      return { code: refusal.code, value: refusal.value };
  }
}

function said(message: Message): Reply {
  return whisper({ kind: 'message', message });
}
