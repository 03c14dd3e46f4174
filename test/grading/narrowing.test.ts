import { describe } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, type VerdictRow } from './verdict-of.ts';

// Issue #16, round ten: words before the answer that narrow it are read past when WordNet says the whole is a kind
// of the answer, or is no thing of its own and every word before is an adjective that does not deny it.
await loadLanguages(new Set(['en']));

const ROWS: readonly VerdictRow[] = [
  ['an adjective before it', 'hypertension', 'en', 'arterial hypertension', 'correct'],
  ['an article and an adjective', 'lion', 'en', 'a male lion', 'correct'],
  ["a verb's participle", 'avocado', 'en', 'mashed avocado', 'correct'],
  ['a phrase WordNet lists as a kind of it', 'piano', 'en', 'grand piano', 'correct'],
  ['a slip in the answer after the adjective', 'hypertension', 'en', 'arterial hypertention', 'close'],
  ['a phrase WordNet lists as another thing', 'lion', 'en', 'sea lion', 'wrong'],
  ['a country that is another country', 'Germany', 'en', 'East Germany', 'wrong'],
  ['a compound naming something else', 'conditioning', 'en', 'air conditioning', 'wrong'],
  ['an adjective that denies the noun', 'gravity', 'en', 'zero gravity', 'wrong'],
  ['a noun before it, not an adjective', 'avocado', 'en', 'toast avocado', 'wrong'],
  ['more than two words before it', 'hypertension', 'en', 'very mild arterial hypertension', 'wrong'],
];

describe('words that narrow the answer', () => {
  itGradesEachRow(ROWS);
});
