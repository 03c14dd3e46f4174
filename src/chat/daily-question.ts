import type { DailyQuestionState } from '../core/delivery/ports.ts';
import type { Say } from './messages.ts';

/**
 * The small print under a channel's question of the day, the same on every platform: how many answered so
 * far, or, once the day is over, that it is over and how many answered.
 */
export function dailyStatus(say: Say, state: DailyQuestionState): string {
  const { answered } = state;
  const count = answered === 0 ? say('daily.noneYet') : say('daily.answered', { count: answered });
  if (state.revealAnswer) return say('daily.over', { dayOver: say('daily.dayOver'), answered: count });
  return say('daily.open', { answered: count });
}
