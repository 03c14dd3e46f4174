import { describe } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, type VerdictRow } from './verdict-of.ts';

// Issue #16, round ten: one word of a name slipped by a letter into another word is still a slip, as the name as a
// whole means nothing else; a changed first letter or a number is another name.
await loadLanguages(new Set(['en', 'de']));

const ROWS: readonly VerdictRow[] = [
  ['two letters swapped into another word', 'United Nations', 'en', 'Untied Nations', 'close'],
  ['a mark that makes another German word', 'Karl der Große', 'de', 'Karl der Größe', 'close'],
  ['a changed first letter', 'Milky Way', 'en', 'Silky Way', 'wrong'],
  ['a roman numeral one short', 'John XXIII', 'en', 'John XXII', 'wrong'],
  ['two words slipped', 'United Nations', 'en', 'Untied Notions', 'wrong'],
];

describe('a slip in one word of a name', () => {
  itGradesEachRow(ROWS);
});
