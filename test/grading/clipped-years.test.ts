import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(new Set(['de', 'es']));

describe('years and scales written short', () => {
  it("GIVEN a year or a decade with its century clipped ('89, the '20s) THEN it is the card's year", () => {
    const wall = { question: 'In what year did the Berlin Wall fall?' };
    expect(verdictOf('1989', "'89", wall)).toBe('correct');
    expect(verdictOf('1989', '’89', wall)).toBe('correct');
    expect(
      verdictOf('the 1920s', "the '20s", { question: 'In which decade was the Wall Street Crash?' }),
    ).toBe('correct');
  });

  it('GIVEN a clipped year the card has no year for THEN it stays wrong', () => {
    const wall = { question: 'In what year did the Berlin Wall fall?' };
    expect(verdictOf('1989', "'98", wall)).toBe('wrong');
    expect(verdictOf('the 1920s', "the '30s")).toBe('wrong');
  });

  it('GIVEN a German or Italian abbreviated scale (Mio., Mrd., mln) THEN it scales the number', () => {
    expect(verdictOf('2.500.000 €', '2,5 Mio. €', { lang: 'de' })).toBe('correct');
    expect(verdictOf('2.500.000 €', '2,5 Mrd. €', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('4000000', '4 mln', { lang: 'it' })).toBe('correct');
  });

  it("GIVEN a year with its era abbreviated in the deck's language THEN AD is the year and BC is not", () => {
    const war = { question: 'In welchem Jahr endete der Zweite Weltkrieg?', lang: 'de' };
    expect(verdictOf('1945', '1945 n. Chr.', war)).toBe('correct');
    expect(verdictOf('1945', '1945 v. Chr.', war)).toBe('wrong');
    const guerra = { question: '¿En qué año terminó la guerra?', lang: 'es' };
    expect(verdictOf('1945', '1945 d.C.', guerra)).toBe('correct');
    expect(verdictOf('1945', '1945 a.C.', guerra)).toBe('wrong');
  });
});
