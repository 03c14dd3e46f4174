import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('a unit asked for, named by its symbol or its name', () => {
  it("GIVEN a unit's symbol for its name, in any deck language THEN it is correct", () => {
    const frequency = { question: "Quelle est l'unité SI de la fréquence ?", lang: 'fr' };
    expect(verdictOf('hertz', 'Hz', frequency)).toBe('correct');
    expect(verdictOf('Newton', 'N', { question: 'Was ist die SI-Einheit der Kraft?', lang: 'de' })).toBe(
      'correct',
    );
    expect(verdictOf('watt', 'W', { question: "Qual è l'unità di misura della potenza?", lang: 'it' })).toBe(
      'correct',
    );
  });

  it('GIVEN another unit of the same dimension, or a scale with another zero THEN it is wrong', () => {
    const force = { question: 'Was ist die SI-Einheit der Kraft?', lang: 'de' };
    expect(verdictOf('Newton', 'kN', force)).toBe('wrong');
    expect(verdictOf('°C', 'K', { question: 'Unit symbol of degrees Celsius?' })).toBe('wrong');
    expect(
      verdictOf('grados Celsius', 'K', { question: '¿En qué unidad se mide la temperatura?', lang: 'es' }),
    ).toBe('wrong');
  });

  it('GIVEN an article before a unit named in one word THEN the letter is no ampere', () => {
    const question = { question: 'What is the smallest unit of data in computing?' };
    expect(verdictOf('bit', 'a bit', question)).toBe('correct');
  });

  it('GIVEN a bare number and a question that names two units THEN the one "how many" asks for counts', () => {
    const bytes = { question: 'How many bytes are in a kilobyte (decimal)?' };
    expect(verdictOf('1000', '1000 B', bytes)).toBe('correct');
    expect(verdictOf('1000', '1000 bits', bytes)).toBe('wrong');
    const spoons = { question: 'How many tablespoons are in a quarter cup (US)?' };
    expect(verdictOf('4', '4 tbsp', spoons)).toBe('correct');
    expect(verdictOf('4', '4 cups', spoons)).toBe('wrong');
  });

  it('GIVEN an area whose number is grouped by spaces THEN another unit of area is wrong, not a formula', () => {
    expect(verdictOf('506 000 km²', '506 000 m²')).toBe('wrong');
    expect(verdictOf('506 000 km²', '506 000 km')).toBe('wrong');
    expect(verdictOf('506 000 km²', '506000 km2')).toBe('correct');
  });
});
