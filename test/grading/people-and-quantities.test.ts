import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g5: the principles behind the numbers, names and units round, each on cards of its own
// (none from the labelled set).
await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt']);

describe('people named by what they did', () => {
  it('GIVEN a question naming the doer ("Inventor of…", "Autor de…") THEN the surname alone is the person', () => {
    expect(verdictOf('Thomas Edison', 'Edison', { question: 'Inventor of the phonograph?' })).toBe('correct');
    expect(verdictOf('Thomas Edison', 'Thomas', { question: 'Inventor of the phonograph?' })).toBe('wrong');
    const pt = { question: "Autor de 'Dom Casmurro'?", lang: 'pt' };
    expect(verdictOf('Machado de Assis', 'Assis', pt)).toBe('correct');
    const de = { question: "Maler des 'Wanderers über dem Nebelmeer'?", lang: 'de' };
    expect(verdictOf('Caspar David Friedrich', 'C. D. Friedrich', de)).toBe('correct');
  });

  it('GIVEN initials THEN they must be the initials of the given names', () => {
    const q = { question: "Composer of 'The Planets'?" };
    expect(verdictOf('Gustav Theodore Holst', 'G. T. Holst', q)).toBe('correct');
    expect(verdictOf('Gustav Theodore Holst', 'E. F. Holst', q)).toBe('wrong');
  });

  it('GIVEN a place or thing with capitals THEN the last word alone is not the answer', () => {
    expect(verdictOf('Buenos Aires', 'Aires', { question: 'Capital of Argentina?' })).toBe('wrong');
  });
});

describe('rulers with a title and a regnal number', () => {
  it('GIVEN "D. João VI" THEN the title may be left out or spelled out, but another number is another ruler', () => {
    const q = { question: 'Rei de Portugal que fugiu para o Brasil em 1807?', lang: 'pt' };
    expect(verdictOf('D. João VI', 'João VI', q)).toBe('correct');
    expect(verdictOf('D. João VI', 'Dom João VI', q)).toBe('correct');
    expect(verdictOf('D. João VI', 'João 6', q)).toBe('correct');
    expect(verdictOf('D. João VI', 'João Sexto', q)).toBe('correct');
    expect(verdictOf('D. João VI', 'D. João V', q)).toBe('wrong');
    expect(verdictOf('D. João VI', 'João', q)).toBe('wrong');
  });
});
