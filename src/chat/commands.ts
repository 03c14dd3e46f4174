import type { Community, DailyRefusal } from '../core/community/community.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import type { CommandAction } from './action.ts';
import { type Actor, needsPlace } from './flows.ts';
import type { Message } from './messages.ts';
import { type Reply, whisper } from './reply.ts';

/** The use cases the community commands read. */
export interface CommandPorts {
  quiz: Pick<Quiz, 'stats'>;
  community: Pick<Community, 'decks' | 'deck' | 'leaderboard' | 'setDaily' | 'stopDaily' | 'listDailies'>;
}

/** Who acts; `isAdmin`: the platform says they may manage the community (read from it on every request). */
export type CommandActor = Actor & { isAdmin?: boolean };

/** One flow per community command: the core call, then the neutral reply. */
export async function runCommand(
  ports: CommandPorts,
  action: CommandAction,
  actor: CommandActor,
): Promise<Reply> {
  const { quiz, community } = ports;
  switch (action.kind) {
    case 'stats':
      // A person's progress is theirs wherever they review, so it needs no place.
      return said({ code: 'STATS', stats: await quiz.stats(actor.person) });
    case 'decks':
      return said({ code: 'DECKS', decks: await community.decks() });
    case 'deckInfo': {
      const deck = await community.deck(action.deckId);
      return said(deck ? { code: 'DECK_INFO', deck } : { code: 'UNKNOWN_DECK', deckId: action.deckId });
    }
    case 'leaderboard': {
      // A community's members, from its own review log only; shown to the whole channel.
      if (!actor.place) return needsPlace();
      const rows = await community.leaderboard(actor.place, action.period);
      return { ...said({ code: 'LEADERBOARD', rows, period: action.period }), visibility: 'public' };
    }
    case 'setDaily':
    case 'stopDaily':
    case 'listDailies':
      return said(await daily(ports.community, action, actor));
  }
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
      const { channelId, localTime, timeZone, deckId } = action;
      const set = await community.setDaily(place, admin, { channelId, localTime, timeZone, deckId });
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
