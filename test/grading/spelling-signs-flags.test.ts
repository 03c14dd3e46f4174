import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt', 'sv']);

describe('signs however they are typed', () => {
  it('GIVEN a relation or an arrow typed on a keyboard THEN it is the sign, and another sign is wrong', () => {
    expect(verdictOf('≤', '<=')).toBe('correct');
    expect(verdictOf('≤', '=<')).toBe('correct');
    expect(verdictOf('≤', '>=')).toBe('wrong');
    expect(verdictOf('→', '=>')).toBe('correct');
    expect(verdictOf('→', '<->')).toBe('wrong');
    expect(verdictOf('sharp', '♯')).toBe('correct');
    expect(verdictOf('sharp', '♭')).toBe('wrong');
  });

  it('GIVEN the answer and its other name in brackets THEN it is correct; another name with its own symbol is wrong', () => {
    expect(verdictOf('Ohm', 'Ω (Ohm)', { lang: 'de' })).toBe('correct');
    expect(
      verdictOf('Na', 'Na (sódio)', { lang: 'pt', question: 'Qual é o símbolo químico do sódio?' }),
    ).toBe('correct');
    expect(verdictOf('ohm', 'V (volt)')).toBe('wrong');
  });
});

describe('expansions of the acronym a question names', () => {
  it('GIVEN another word in the middle of the expansion THEN it is wrong, not a middle name', () => {
    const question = 'What does NATO stand for?';
    expect(
      verdictOf('North Atlantic Treaty Organization', 'North Atlantic Trade Organization', { question }),
    ).toBe('wrong');
    expect(
      verdictOf('North Atlantic Treaty Organization', 'North Atlantic Traety Organization', { question }),
    ).toBe('close');
  });
});

describe('accents a teacher marks', () => {
  it('GIVEN a little word that is the whole answer with another accent THEN it is the other word', () => {
    expect(verdictOf('où', 'ou', { lang: 'fr' })).toBe('wrong');
    expect(verdictOf('té', 'te', { lang: 'es' })).toBe('wrong');
  });

  it('GIVEN a letter spelt as other languages spell it THEN it is close', () => {
    expect(verdictOf('año', 'anyo', { lang: 'es' })).toBe('close');
    expect(verdictOf('año', 'ano', { lang: 'es' })).toBe('wrong');
  });

  it("GIVEN Italian's apostrophe for the accent THEN it is the accent", () => {
    expect(verdictOf('città', "citta'", { lang: 'it' })).toBe('correct');
    expect(verdictOf('città', 'citta', { lang: 'it' })).toBe('close');
  });

  it('GIVEN umlauts spelt ae/oe/ue THEN German reads them, Swedish does not', () => {
    expect(verdictOf('Brücke', 'Bruecke', { lang: 'de' })).toBe('correct');
    expect(verdictOf('äta', 'aeta', { lang: 'sv' })).not.toBe('correct');
  });

  it('GIVEN a foreign word without its accents in an English deck THEN it is close, an English spelling correct', () => {
    expect(verdictOf('corazón', 'corazon', { question: 'Spanish for heart?' })).toBe('close');
    expect(verdictOf('café', 'cafe')).toBe('correct');
  });
});

describe('command-line flags', () => {
  it('GIVEN a flag alone in its long form THEN it is the flag of the program the question names', () => {
    const question = 'Flag of rm that removes directories and their contents recursively?';
    expect(verdictOf('-r', '--recursive', { question })).toBe('correct');
    expect(verdictOf('-r', '--recursve', { question })).toBe('close');
    expect(verdictOf('-r', '-f', { question })).toBe('wrong');
  });

  it('GIVEN a slip in a long flag or an operand THEN it is close', () => {
    expect(verdictOf('git log --oneline', 'git log --pretty=oneline')).toBe('correct');
    expect(verdictOf('git log --oneline', 'git log --online')).toBe('close');
    expect(verdictOf('git checkout -b feature', 'git checkout -b featur')).toBe('close');
    expect(verdictOf('df -h', 'df --human-readable')).toBe('correct');
  });
});
