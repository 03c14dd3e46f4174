import type { Community } from '../core/community/community.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import type { CommandAction } from './action.ts';
import { type Actor, needsPlace } from './flows.ts';
import type { Message } from './messages.ts';
import { type Reply, whisper } from './reply.ts';

/** The use cases the community commands read. */
export interface CommandPorts {
  quiz: Pick<Quiz, 'stats'>;
  community: Pick<Community, 'decks' | 'deck' | 'leaderboard'>;
}

/** One flow per community command: the core call, then the neutral reply. */
export async function runCommand(ports: CommandPorts, action: CommandAction, actor: Actor): Promise<Reply> {
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
  }
}

function said(message: Message): Reply {
  return whisper({ kind: 'message', message });
}
