import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g11: words after an answer that only say again the rate or condition the question gives are read
// past; a rate or a condition the question does not give is not.
await loadLanguages(new Set(['en', 'de', 'es']));

const ROWS = [
  [
    'a rate the question gives as "daily"',
    'What is the recommended daily intake of vitamin C?',
    '90 mg',
    'en',
    '90 mg per day',
    'correct',
  ],
  [
    'a rate after a slash',
    'What is the recommended daily intake of vitamin C?',
    '90 mg',
    'en',
    '90 mg/day',
    'correct',
  ],
  [
    'a condition the question names',
    'At what temperature does ethanol boil at sea level?',
    '78 °C',
    'en',
    '78 °C at sea level',
    'correct',
  ],
  [
    'a German rate the question gives as "täglich"',
    'Wie viel Koffein ist täglich unbedenklich?',
    '400 mg',
    'de',
    '400 mg pro Tag',
    'correct',
  ],
  [
    'a Spanish condition the question names',
    '¿Cuánto mide la aceleración de la gravedad en la superficie?',
    '9,8 m/s²',
    'es',
    '9,8 m/s² en la superficie',
    'correct',
  ],
  [
    'a rate the question does not give',
    'What is the recommended daily intake of vitamin C?',
    '90 mg',
    'en',
    '90 mg per hour',
    'wrong',
  ],
  [
    'a condition the question does not name',
    'At what temperature does ethanol boil at sea level?',
    '78 °C',
    'en',
    '78 °C on a mountain',
    'wrong',
  ],
  [
    'a lone letter after a number, read as its unit',
    'What is the mains voltage in Europe?',
    '230 V',
    'en',
    '230 A',
    'wrong',
  ],
  [
    'a second answer joined to it',
    'What is the recommended daily intake of vitamin C?',
    '90 mg',
    'en',
    '90 mg or 200 mg per day',
    'wrong',
  ],
] as const;

describe('context after the answer that the question already says', () => {
  it.each(ROWS)(
    'GIVEN %s (%s %s, %s: %s) THEN it is %s',
    (_rule, question, expected, lang, answer, verdict) => {
      expect(verdictOf(expected, answer, { lang, question })).toBe(verdict);
    },
  );
});
