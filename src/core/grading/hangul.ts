import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import { typoAllowance } from './typos.ts';

const HANGUL = /\p{Script=Hangul}/u;

/**
 * Judges a word in Hangul by its letters (jamo), not its syllable blocks: a block holds two or three letters, so
 * "안녕하세여" for "안녕하세요" is one vowel off in twelve letters, a slip, while "불" for "물" is one letter off
 * in three, another word. Undefined when neither word is in Hangul.
 */
export function compareHangul(typed: string, expected: string): GraderVerdict | undefined {
  if (!HANGUL.test(typed) && !HANGUL.test(expected)) return undefined;
  const [a, b] = [typed.normalize('NFD'), expected.normalize('NFD')];
  if (a === b) return 'correct';
  const allowance = typoAllowance(b.length);
  return editDistance(a, b, allowance) <= allowance ? 'close' : 'wrong';
}
