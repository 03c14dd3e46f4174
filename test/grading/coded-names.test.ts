import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, verdictOf } from './verdict-of.ts';

await loadLanguages(['en', 'fr', 'de', 'es', 'pt']);

describe('countries, languages, currencies and scripts named in another language or by their code', () => {
  itGradesEachRow([
    ["the country's name in its own language", 'Austria', 'en', 'Österreich', 'correct'],
    ["the country's ISO 3166 code", 'Austria', 'en', 'AT', 'correct'],
    ["the country's English name in a French deck", 'Royaume-Uni', 'fr', 'United Kingdom', 'correct'],
    ['the old code a standard still reads', 'Royaume-Uni', 'fr', 'UK', 'correct'],
    ["the currency's ISO 4217 code", 'yen', 'en', 'JPY', 'correct'],
    ["the currency's symbol", 'euro', 'es', '€', 'correct'],
    ["the currency's full name for its bare noun", 'Yen', 'de', 'Japanischer Yen', 'correct'],
    ["the currency's bare noun for its full name", 'real brasiliano', 'it', 'real', 'correct'],
    ["the language's name in itself", 'allemand', 'fr', 'Deutsch', 'correct'],
    ["the language's English name", 'portugués', 'es', 'Portuguese', 'correct'],
    ['a neighbouring country one letter group away', 'Austria', 'en', 'Australia', 'wrong'],
    ['another franc', 'Swiss franc', 'en', 'French franc', 'wrong'],
    ["another currency's code", 'euro', 'en', 'CHF', 'wrong'],
    ['another language of a neighbour', 'Danish', 'en', 'Dutch', 'wrong'],
    ['another language close in letters', 'Dänisch', 'de', 'Deutsch', 'wrong'],
    ['the country for its language', 'espagnol', 'fr', 'Espagne', 'wrong'],
    ['the language for its country', 'Grèce', 'fr', 'grec', 'wrong'],
    ['a code typed as the word it also is', 'Italy', 'en', 'it', 'wrong'],
    ['a slip in the other name', 'Österreich', 'de', 'Östereich', 'close'],
    ['two countries, hedged', 'Austria', 'en', 'Austria or Germany', 'wrong'],
  ]);

  it('GIVEN a card asking for a code THEN the name of the coded thing is not the code, another code is wrong', () => {
    const question = 'What is the ISO 3166 alpha-2 code of Germany?';
    expect(verdictOf('DE', 'de', { question })).toBe('correct');
    expect(verdictOf('DE', 'Deutschland', { question })).toBe('wrong');
    expect(verdictOf('DE', 'DK', { question })).toBe('wrong');
  });

  it('GIVEN an answer that only repeats the code the question spells out THEN it is no answer', () => {
    expect(
      verdictOf('Europäische Union', 'EU', { lang: 'de', question: 'Wofür steht die Abkürzung EU?' }),
    ).toBe('wrong');
  });

  it("GIVEN a currency's name that writes the word 'pound' THEN the name itself is right", () => {
    const question = 'What is the currency of the United Kingdom?';
    expect(verdictOf('pound sterling', 'pound sterling', { question })).toBe('correct');
    expect(verdictOf('£50', 'fifty pounds')).toBe('correct');
  });
});

describe("a currency's bare noun", () => {
  it('GIVEN a noun several currencies share THEN the region the question names says which one the card means', () => {
    const question = 'What is the currency of Russia?';
    expect(verdictOf('ruble', 'RUB', { question })).toBe('correct');
    expect(verdictOf('ruble', 'Belarusian ruble', { question })).toBe('wrong');
    expect(verdictOf('dollar', 'CAD', { question: 'What is the currency of Canada?' })).toBe('correct');
    expect(verdictOf('dollar', 'USD', { question: 'What is the currency of Canada?' })).toBe('wrong');
  });
});
