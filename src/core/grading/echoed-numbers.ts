import { NUMERAL } from './question.ts';

// What may stand around the numbers of an answer that only restates them: operators and single letters.
const RESTATEMENT = /^(?:[\s+\-−*×·/÷^=±()√]|\b\p{L}\b)*$/u;

/**
 * True when the answer only writes the question's own numbers again ("2^10" for "What is 2 to the power of
 * 10?", "6/8" for "Simplify 6/8"): it restates the question, whatever its value, unless the card's answer
 * itself is made of the question's numbers.
 */
export function echoesQuestionNumbers(
  answer: string,
  texts: readonly string[],
  asked: ReadonlySet<string> | undefined,
): boolean {
  if (!asked || asked.size === 0) return false;
  const typed = answer.match(NUMERAL) ?? [];
  if (typed.length === 0 || !typed.every((numeral) => asked.has(numeral))) return false;
  if (!RESTATEMENT.test(answer.replace(NUMERAL, ' '))) return false;
  return !texts.some((text) => (text.match(NUMERAL) ?? []).every((numeral) => asked.has(numeral)));
}
