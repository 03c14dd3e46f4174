import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g5: the principles behind the numbers, names and units round, each on cards of its own
// (none from the labelled set).
await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt', 'ja', 'zh', 'ru']);

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
    expect(verdictOf('Mekong River', 'River', { question: 'Longest river in Southeast Asia?' })).toBe(
      'wrong',
    );
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

describe('units as an algebra of base quantities', () => {
  it('GIVEN a compound unit asked for THEN every writing of it is right, another unit wrong', () => {
    const q = { question: 'SI unit of entropy?' };
    expect(verdictOf('J/K', 'J K^-1', q)).toBe('correct');
    expect(verdictOf('J/K', 'joules per kelvin', q)).toBe('correct');
    expect(verdictOf('J/K', 'kg·m²·s⁻²·K⁻¹', q)).toBe('correct');
    expect(verdictOf('J/K', 'J/(mol·K)', q)).toBe('wrong');
    expect(verdictOf('J/K', 'W/K', q)).toBe('wrong');
  });

  it('GIVEN a quantity THEN the same amount in units built otherwise or spelled with a prefix is right', () => {
    expect(verdictOf('50 kPa', '50,000 N/m²')).toBe('correct');
    expect(verdictOf('50 kPa', '50 kilopascals')).toBe('correct');
    expect(verdictOf('3 kJ', '3 kilojoules')).toBe('correct');
    expect(verdictOf('3 kJ', '3 megajoules')).toBe('wrong');
    expect(verdictOf('2 kg/L', '2 g/cm³')).toBe('correct');
    expect(verdictOf('2 kg/L', '2 g/m³')).toBe('wrong');
    expect(verdictOf('10 m/s²', '10 N/kg')).toBe('correct');
    expect(verdictOf('8.6 ly', '2.6 parsecs')).toBe('correct');
    expect(verdictOf('8.6 light-years', '8.6 ly')).toBe('correct');
  });

  it('GIVEN per mille THEN it is a thousandth, never a hundredth', () => {
    expect(verdictOf('3%', '30‰')).toBe('correct');
    expect(verdictOf('3%', '3‰')).toBe('wrong');
    expect(verdictOf('0.8‰', '0.8 per mille')).toBe('correct');
    expect(verdictOf('0.8‰', '0.8%')).toBe('wrong');
  });

  it('GIVEN a unit written in Japanese or Chinese after the number THEN it is that unit', () => {
    expect(verdictOf('634 m', '634メートル', { lang: 'ja' })).toBe('correct');
    expect(verdictOf('634 m', '634キロメートル', { lang: 'ja' })).toBe('wrong');
    expect(verdictOf('5 km', '5公里', { lang: 'zh' })).toBe('correct');
  });
});

describe('approximate numbers and slips in units', () => {
  it('GIVEN "about" in any language THEN a number rounded to its own last digit is right, a farther one not', () => {
    expect(verdictOf('1,234 km', 'about 1,200 km')).toBe('correct');
    expect(verdictOf('1234 km', 'etwa 1200 km', { lang: 'de' })).toBe('correct');
    expect(verdictOf('1234 km', 'cerca de 1200 km', { lang: 'pt' })).toBe('correct');
    expect(verdictOf('1,234 km', 'about 1,300 km')).toBe('wrong');
    expect(verdictOf('1,234 km', '1,200 km')).toBe('wrong');
  });

  it('GIVEN a slip in the name of a unit or scale THEN the answer is close; a slip in the number is wrong', () => {
    expect(verdictOf('250 mL', '250 mililitres')).toBe('close');
    expect(verdictOf('7 billion', '7 bilion')).toBe('close');
    expect(verdictOf('3 kPa', '3 kilopasclas')).toBe('close');
    expect(verdictOf('250 mL', '205 millilitres')).toBe('wrong');
    expect(verdictOf('5 hours', '5 house')).toBe('wrong');
  });
});

describe('numerals of other systems and dates in English months', () => {
  it('GIVEN a card in digits THEN Chinese and Japanese numerals, by multipliers or digit by digit, read as digits', () => {
    expect(verdictOf('1603年', '千六百三年', { lang: 'ja' })).toBe('correct');
    expect(verdictOf('1603年', '一六〇三年', { lang: 'ja' })).toBe('correct');
    expect(verdictOf('1603年', '千六百四年', { lang: 'ja' })).toBe('wrong');
    expect(verdictOf('2.72', '二点七二', { lang: 'zh' })).toBe('correct');
    expect(verdictOf('25000', '二万五千', { lang: 'zh' })).toBe('correct');
  });

  it('GIVEN a unit after "per" alone THEN it divides', () => {
    expect(verdictOf('96485 C/mol', '96485 C per mol')).toBe('correct');
    expect(verdictOf('1.38e-23', '1.38 × 10^-23 per K')).toBe('correct');
  });

  it('GIVEN a date in English months on a card of another language THEN it is read; a partial date is not', () => {
    const fr = { lang: 'fr', question: 'Date de la bataille de Marignan ?' };
    expect(verdictOf('13 septembre 1515', '13 September 1515', fr)).toBe('correct');
    expect(verdictOf('13 septembre 1515', '13 October 1515', fr)).toBe('wrong');
    const de = { lang: 'de', question: 'Wann fiel die Berliner Mauer?' };
    expect(verdictOf('9. November 1989', 'November 1989', de)).toBe('wrong');
  });
});
