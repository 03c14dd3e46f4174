import type { DailyQuestionState } from '../core/delivery/ports.ts';
import { translate } from './i18n/catalog.ts';
import { LOCALES } from './i18n/locale.ts';
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

/** What marks a question whose day is over, in each language; no answer updates its post any more. */
const DAYS_OVER = LOCALES.map((locale) => translate(locale, 'daily.dayOver'));

/** Whether a posted question of the day says its day is over (in whichever language it was written). */
export function saysDayOver(content: string): boolean {
  return DAYS_OVER.some((words) => content.includes(words));
}
