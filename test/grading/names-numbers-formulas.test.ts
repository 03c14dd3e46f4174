import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g1: the principles behind the "forms 2" round, each on cards of its own (none from the set).
await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt']);

describe('fractions spelled in the deck language', () => {
  it('GIVEN a fraction card THEN its spelling in the deck language is right, another share is not', () => {
    const q = { question: 'Fraction?' };
    expect(verdictOf('2/3', 'dos tercios', { ...q, lang: 'es' })).toBe('correct');
    expect(verdictOf('1/5', 'un cinquième', { ...q, lang: 'fr' })).toBe('correct');
    expect(verdictOf('2/3', 'zwei Drittel', { ...q, lang: 'de' })).toBe('correct');
    expect(verdictOf('2/3', 'due terzi', { ...q, lang: 'it' })).toBe('correct');
    expect(verdictOf('2/3', 'dois terços', { ...q, lang: 'pt' })).toBe('correct');
    expect(verdictOf('1/4', 'un quinto', { ...q, lang: 'es' })).toBe('wrong');
    expect(verdictOf('2/3', 'deux quarts', { ...q, lang: 'fr' })).toBe('wrong');
  });
});

describe('time signatures', () => {
  it('GIVEN a card asking for a metre THEN only the same two numbers are right, not an equal value', () => {
    const q = { question: 'What is the time signature of a minuet?' };
    expect(verdictOf('3/4', '3/4', q)).toBe('correct');
    expect(verdictOf('3/4', 'three-four time', q)).toBe('correct');
    expect(verdictOf('3/4', '6/8', q)).toBe('wrong');
    expect(verdictOf('3/4', '0.75', q)).toBe('wrong');
    const de = { question: 'Welche Taktart hat ein Walzer?', lang: 'de' };
    expect(verdictOf('3/4', 'drei Viertel', de)).toBe('correct');
    expect(verdictOf('3/4', 'sechs Achtel', de)).toBe('wrong');
  });

  it('GIVEN a fraction card not about metre THEN an equal value is still right', () => {
    expect(verdictOf('3/4', '0.75', { question: 'What share of the class passed?' })).toBe('correct');
  });
});

describe("answers that restate the question's numbers", () => {
  it('GIVEN a calculation card THEN the calculation typed back is wrong, its result right', () => {
    const q = { question: 'What is 3 to the power of 4?' };
    expect(verdictOf('81', '3^4', q)).toBe('wrong');
    expect(verdictOf('81', '81', q)).toBe('correct');
    expect(verdictOf('3/4', '9/12', { question: 'Simplify 9/12.' })).toBe('wrong');
  });
});

describe('a card that asks for a form of a word', () => {
  it('GIVEN the past tense asked THEN another form is wrong and a slip in the asked form close', () => {
    const q = { question: 'What is the past tense of "to jump"?' };
    expect(verdictOf('jumped', 'jumped', q)).toBe('correct');
    expect(verdictOf('jumped', 'jumps', q)).toBe('wrong');
    expect(verdictOf('jumped', 'jumping', q)).toBe('wrong');
    expect(verdictOf('jumped', 'jupmed', q)).toBe('close');
  });
});

describe('names', () => {
  it('GIVEN a name with "ibn" THEN the father\'s name alone is wrong', () => {
    const q = { question: 'Who wrote the Muqaddimah?' };
    expect(verdictOf('Ibn Khaldun', 'Ibn Khaldun', q)).toBe('correct');
    expect(verdictOf('Ibn Khaldun', 'Khaldun', q)).toBe('wrong');
  });

  it('GIVEN the full name with further names THEN it is the person', () => {
    const q = { question: '¿Quién escribió La vida es sueño?', lang: 'es' };
    expect(verdictOf('Pedro Calderón', 'Pedro Calderón de la Barca', q)).toBe('correct');
  });

  it('GIVEN a name read as a person’s, then a joining or hedging word and more THEN it is two answers, wrong', () => {
    const q = { question: 'Which body sets US interest rates?' };
    expect(verdictOf('Federal Reserve', 'Federal Reserve or Congress', q)).toBe('wrong');
    expect(verdictOf('Federal Reserve', 'Federal Reserve, not Congress', q)).toBe('wrong');
    const es = { question: '¿Quién pintó Las Meninas?', lang: 'es' };
    expect(verdictOf('Diego Velázquez', 'Diego Velázquez o Goya', es)).toBe('wrong');
    expect(verdictOf('Pedro Calderón', 'Pedro Calderón de la Barca', es)).toBe('correct');
  });

  it('GIVEN an Italian or Portuguese "who" card THEN the surname alone is right, the first name not', () => {
    const it = { question: 'Chi ha scoperto la radioattività?', lang: 'it' };
    expect(verdictOf('Henri Becquerel', 'Becquerel', it)).toBe('correct');
    expect(verdictOf('Henri Becquerel', 'Henri', it)).toBe('wrong');
    const pt = { question: 'Quem chegou à Índia por mar em 1498?', lang: 'pt' };
    expect(verdictOf('Vasco da Gama', 'Gama', pt)).toBe('correct');
    expect(verdictOf('Vasco da Gama', 'Vasco', pt)).toBe('wrong');
  });

  it('GIVEN a regnal number THEN the French "1er" and an ordinal in words name it', () => {
    expect(verdictOf('Clovis Ier', 'Clovis 1er', { question: 'Qui fut roi des Francs ?', lang: 'fr' })).toBe(
      'correct',
    );
    const es = { question: '¿Qué rey expulsó a los jesuitas en 1767?', lang: 'es' };
    expect(verdictOf('Carlos III', 'Carlos Tercero', es)).toBe('correct');
    expect(verdictOf('Carlos III', 'Carlos Cuarto', es)).toBe('wrong');
  });
});

describe('equations rearranged', () => {
  it('GIVEN an equation THEN one with the same solutions is right, another wrong', () => {
    const q = { question: 'State the thin lens equation.' };
    expect(verdictOf('1/f = 1/u + 1/v', 'f = uv/(u + v)', q)).toBe('correct');
    expect(verdictOf('1/f = 1/u + 1/v', '1/f = 1/u - 1/v', q)).toBe('wrong');
    const gas = { question: 'State the ideal gas law.' };
    expect(verdictOf('PV = nRT', 'n = PV/(RT)', gas)).toBe('correct');
    expect(verdictOf('PV = nRT', 'PV/T = nR', gas)).toBe('correct');
    expect(verdictOf('PV = nRT', 'n = PR/(VT)', gas)).toBe('wrong');
  });
});

describe('money, units and ranges', () => {
  it('GIVEN a price in pounds sterling THEN "pounds" is the currency; on a weight card it is the weight', () => {
    const q = { question: 'What did the ticket cost?' };
    expect(verdictOf('£5', '5 pounds', q)).toBe('correct');
    expect(verdictOf('£5', 'five pounds', q)).toBe('correct');
    expect(verdictOf('£5', '$5', q)).toBe('wrong');
    expect(verdictOf('£5', '500 pence', q)).toBe('correct');
    expect(verdictOf('£5', '5 pence', q)).toBe('wrong');
    expect(verdictOf('5 lb', '5 pounds', { question: 'How much does the bag weigh?' })).toBe('correct');
  });

  it('GIVEN a unit per another unit or words of another language THEN the quantity is read', () => {
    expect(verdictOf('18 g/mol', '18 grams per mole', { question: 'Molar mass of water?' })).toBe('correct');
    expect(verdictOf('18 g/mol', '18 mol/g', { question: 'Molar mass of water?' })).toBe('wrong');
    expect(verdictOf('12 g', '12 grammi', { question: 'Quanto pesa?', lang: 'it' })).toBe('correct');
    expect(verdictOf('100 °C', '100 grados', { question: '¿A qué temperatura?', lang: 'es' })).toBe(
      'correct',
    );
  });

  it('GIVEN a charge written "C" THEN coulombs are that unit; beside "°C" they are not', () => {
    const q = { question: 'What is the charge of a proton?' };
    expect(verdictOf('1.602 × 10^-19 C', '1.6e-19 coulombs', q)).toBe('correct');
    expect(verdictOf('1.602 × 10^-19 C', '-1.6e-19 coulombs', q)).toBe('wrong');
    expect(verdictOf('100 °C', '100 coulombs', { question: 'Boiling point of water?' })).toBe('wrong');
  });

  it('GIVEN a range THEN "between a and b" is the range; another range is wrong', () => {
    const q = { question: 'What is a normal resting heart rate?' };
    expect(verdictOf('60–100 bpm', 'between 60 and 100 bpm', q)).toBe('correct');
    expect(verdictOf('60–100 bpm', 'between 60 and 80 bpm', q)).toBe('wrong');
  });
});
