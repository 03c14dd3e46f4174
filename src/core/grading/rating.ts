import type { Rating } from '../rating.ts';
import type { GraderVerdict } from '../verdict.ts';

export interface EasyRule {
  /** Time to read the prompt and start typing. */
  readonly baseMs: number;
  /** Time to type each character of the card's answer. */
  readonly msPerCharacter: number;
}

/**
 * A correct answer is Easy when it came within `baseMs + msPerCharacter × length of the card's
 * answer`: 3.35 s for "container", 2.6 s for "TCP", 8.6 s for "horizontal pod autoscaler".
 */
export const DEFAULTS = {
  baseMs: 2_000, // ms
  msPerCharacter: 150, // ms per character of the card's answer
} as const satisfies EasyRule;

/** Maps a verdict to an FSRS rating: wrong is Again, close is Hard, correct is Good, or Easy when fast. */
export function rate(
  verdict: GraderVerdict,
  expected: string,
  ms: number | undefined,
  rule: EasyRule = DEFAULTS,
): Rating {
  if (verdict === 'wrong') return 1;
  if (verdict === 'close') return 2;
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return 3;
  return ms <= rule.baseMs + rule.msPerCharacter * expected.trim().length ? 4 : 3;
}
