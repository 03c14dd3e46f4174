import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g11: a person's name after an article and the word for who they were, and an answer with its
// article and one word after it in a language that puts adjectives after the noun.
await loadLanguages(new Set(['es', 'fr', 'de', 'it']));

const ROWS = [
  [
    'a role before a name',
    '¿Quién pintó Las Meninas?',
    'Diego Velázquez',
    'es',
    'el pintor Diego Velázquez',
    'correct',
  ],
  [
    'a role after an elided article',
    'Qui a écrit Candide ?',
    'Voltaire',
    'fr',
    "l'écrivain Voltaire",
    'correct',
  ],
  [
    'a German role, capitalised as a noun',
    'Wer komponierte die Zauberflöte?',
    'Mozart',
    'de',
    'der Komponist Mozart',
    'correct',
  ],
  [
    'a role before another person',
    'Wer komponierte die Zauberflöte?',
    'Mozart',
    'de',
    'der Komponist Haydn',
    'wrong',
  ],
  [
    'an article and an adjective after the noun',
    '¿Qué animal tiene trompa?',
    'elefante',
    'es',
    'el elefante africano',
    'correct',
  ],
  [
    'an Italian article and an adjective after it',
    'Quale animale ha la proboscide?',
    'elefante',
    'it',
    "l'elefante africano",
    'correct',
  ],
  [
    'an article and a word after another animal',
    '¿Qué animal tiene trompa?',
    'elefante',
    'es',
    'el rinoceronte africano',
    'wrong',
  ],
] as const;

describe('a role before a name, and an article with a word after the answer', () => {
  it.each(ROWS)(
    'GIVEN %s (%s %s, %s: %s) THEN it is %s',
    (_rule, question, expected, lang, answer, verdict) => {
      expect(verdictOf(expected, answer, { lang, question })).toBe(verdict);
    },
  );
});
