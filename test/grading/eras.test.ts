import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g11: a year with its era as the deck's language writes it is the year; the era before Christ is
// another year.
await loadLanguages(new Set(['it', 'de', 'fr', 'es']));

const ROWS = [
  [
    'the common era in Italian',
    "In che anno cadde l'Impero romano d'Occidente?",
    '476',
    'it',
    '476 d.C.',
    'correct',
  ],
  [
    'the common era in German',
    'In welchem Jahr wurde Karl der Große zum Kaiser gekrönt?',
    '800',
    'de',
    '800 n. Chr.',
    'correct',
  ],
  [
    'the common era in French',
    'En quelle année Hugues Capet devint-il roi ?',
    '987',
    'fr',
    '987 apr. J.-C.',
    'correct',
  ],
  [
    'the era before Christ in German, for a year BC',
    'In welchem Jahr wurde Caesar ermordet?',
    '44 BC',
    'de',
    '44 v. Chr.',
    'correct',
  ],
  [
    'the era before Christ in Spanish, for a year BC',
    '¿En qué año fue asesinado César?',
    '44 BC',
    'es',
    '44 a.C.',
    'correct',
  ],
  [
    'the era before Christ, for a year of the common era',
    "In che anno cadde l'Impero romano d'Occidente?",
    '476',
    'it',
    '476 a.C.',
    'wrong',
  ],
  [
    'the era before Christ in French, for a year of the common era',
    'En quelle année Hugues Capet devint-il roi ?',
    '987',
    'fr',
    '987 av. J.-C.',
    'wrong',
  ],
] as const;

describe('a year with its era, as each language writes it', () => {
  it.each(ROWS)(
    'GIVEN %s (%s %s, %s: %s) THEN it is %s',
    (_rule, question, expected, lang, answer, verdict) => {
      expect(verdictOf(expected, answer, { lang, question })).toBe(verdict);
    },
  );
});
