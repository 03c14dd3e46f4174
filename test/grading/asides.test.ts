import { describe } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, type VerdictRow } from './verdict-of.ts';

// Issue #16, task g6: what a learner says around an answer, read by its syntax in the deck's language.
await loadLanguages(new Set(['en', 'es', 'fr', 'de', 'it', 'pt']));

const ROWS: readonly VerdictRow[] = [
  ['a hedge before a year', '1989', 'de', 'ich glaube 1989', 'correct'],
  ['a hedge before a place', 'Brasília', 'pt', 'acho que Brasília', 'correct'],
  ['a copula before a symbol', 'Na', 'es', 'es Na', 'correct'],
  ['a copula typed with an apostrophe', 'Seine', 'fr', "c'est la Seine", 'correct'],
  ['a hedge after, in the deck language', 'Lima', 'es', 'Lima, creo', 'correct'],
  ['a gloss in brackets', 'Au', 'en', 'Au (gold)', 'correct'],
  ['the answer in brackets after its symbol', 'gold', 'en', 'Au (gold)', 'correct'],
  ['an apposition holding a preposition', 'Zeus', 'en', 'Zeus, king of the gods', 'correct'],
  [
    'an apposition after a dash',
    'mitochondria',
    'en',
    'mitochondria - the powerhouse of the cell',
    'correct',
  ],
  ['an apposition in Italian', 'Michelangelo', 'it', 'Michelangelo, il pittore fiorentino', 'correct'],
  ['a place holding the answer', 'Mount Everest', 'en', 'Everest, Nepal', 'correct'],
  ['a place holding it after a preposition', 'Mount Everest', 'en', 'Everest, in the Himalayas', 'correct'],
  ['a place the grader does not know', 'Donau', 'de', 'die Donau, in Österreich', 'correct'],
  ['the initials with an article', 'United Nations', 'en', 'the UN', 'correct'],
  ['another continent than the one holding it', 'Nile', 'en', 'the Nile, in South America', 'wrong'],
  ['a container that does not hold it', 'Lima', 'en', 'Lima, Chile', 'wrong'],
  ['a second answer after a comma', 'Ottawa', 'en', 'Ottawa, Toronto', 'wrong'],
  ['a second name after a comma', 'Mozart', 'en', 'Mozart, Joseph Haydn', 'wrong'],
  ['a hedge between two answers', 'Paris', 'en', 'maybe Paris or Lyon', 'wrong'],
  ['a hedge between two, after a comma', 'Paris', 'en', 'Paris, maybe Lyon', 'wrong'],
  ['a second answer in brackets', 'Paris', 'en', 'Paris (or Lyon)', 'wrong'],
  ['a negation after a comma', 'Paris', 'en', 'Paris, no wait, Lyon', 'wrong'],
  ['a hedge between two in Portuguese', '1822', 'pt', '1822 ou 1823', 'wrong'],
  ['a hedge whose second answer is also a word for river', 'Brasília', 'pt', 'Brasília ou Rio', 'wrong'],
  ['a wrong answer with a gloss', 'Paris', 'en', 'Lyon (France)', 'wrong'],
  ['a wrong answer after a hedge', '1989', 'de', 'ich glaube 1990', 'wrong'],
  ["brackets of a formula's sign", 'A = P(1 + r/n)^(nt)', 'en', 'A = P(1 - r/n)^(nt)', 'wrong'],
  ["brackets of a unit's denominator", 'J/(kg·K)', 'en', 'J/(mol·K)', 'wrong'],
];

describe('what is said around an answer', () => {
  itGradesEachRow(ROWS);
});
