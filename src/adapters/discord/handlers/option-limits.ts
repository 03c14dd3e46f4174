import { checkLength, TEXT_LIMITS, tooLongText } from '../../../core/text/clean-text.ts';
import type { OptionValue } from '../interaction.ts';

/** Text options with a limit below the one every option has, by name: what a refusal calls each, and its limit. */
const LIMITED = {
  deck: { what: 'deck id', max: TEXT_LIMITS.deckId },
  timezone: { what: 'time zone', max: TEXT_LIMITS.timeZone },
  time: { what: 'time', max: TEXT_LIMITS.localTime },
  reminder_time: { what: 'reminder time', max: TEXT_LIMITS.localTime },
} as const satisfies Record<string, { what: string; max: number }>;

/**
 * Why a command is refused when one of its text options is too long ("Deck id too long (max 64
 * characters)."), or null. A value cut short would silently mean something else, so it is refused whole.
 */
export function tooLongOption(options: Record<string, OptionValue>): string | null {
  for (const [name, { what, max }] of Object.entries(LIMITED)) {
    const value = options[name];
    if (typeof value !== 'string') continue;
    const check = checkLength(value, what, max);
    if (!check.ok) {
      const text = tooLongText(check);
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}. Nothing was done.`;
    }
  }
  return null;
}
