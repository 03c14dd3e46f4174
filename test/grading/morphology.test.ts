import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(['en', 'es', 'fr', 'de', 'it', 'pt']);

describe("a word's forms, read by Hunspell's affix rules", () => {
  it('GIVEN another form of a verb one letter from the answer THEN it is another word, not a slip', () => {
    const infinitive = { lang: 'es', question: '¿Cuál es el infinitivo de "hablamos"?' };
    expect(verdictOf('hablar', 'hablas', infinitive)).toBe('wrong');
    expect(verdictOf('hablar', 'hablra', infinitive)).toBe('close');
    expect(verdictOf('casa', 'cassa', { lang: 'it' })).toBe('wrong');
    expect(verdictOf('potro', 'porto', { lang: 'pt' })).toBe('wrong');
  });

  it('GIVEN a slip that a guessed regular ending would make a word THEN it is still a slip', () => {
    expect(verdictOf('Seine', 'Siene', { lang: 'fr' })).toBe('close');
  });
});

describe('plurals made by changing the end of a word', () => {
  it('GIVEN a Latin, Greek or changed-vowel English plural THEN it is the word', () => {
    expect(verdictOf('supernovae', 'supernova')).toBe('correct');
    expect(verdictOf('mice', 'mouse')).toBe('correct');
    expect(verdictOf('criterion', 'criteria')).toBe('correct');
  });

  it('GIVEN an Italian or Portuguese plural THEN it is the word; a gender ending is not', () => {
    expect(verdictOf('cane', 'cani', { lang: 'it' })).toBe('correct');
    expect(verdictOf('casa', 'case', { lang: 'it' })).toBe('correct');
    expect(verdictOf('pão', 'pães', { lang: 'pt' })).toBe('correct');
    expect(verdictOf('manzana', 'manzano', { lang: 'es' })).toBe('wrong');
  });
});

describe('accents that make another word', () => {
  it('GIVEN the answer without its accent spelling another dictionary word THEN it is wrong', () => {
    expect(verdictOf('año', 'ano', { lang: 'es' })).toBe('wrong');
    expect(verdictOf('Küchen', 'Kuchen', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('avô', 'avó', { lang: 'pt' })).toBe('wrong');
  });

  it('GIVEN the answer without an accent spelling no other entry THEN it stays close', () => {
    expect(verdictOf('corazón', 'corazon', { lang: 'es' })).toBe('close');
    expect(verdictOf('Pacífico', 'Pacifico', { lang: 'es' })).toBe('close');
    expect(verdictOf('inflação', 'inflacao', { lang: 'pt' })).toBe('close');
    expect(verdictOf('à la carte', 'a la carte', { lang: 'fr' })).toBe('close');
  });
});

describe('articles in Italian and Portuguese decks', () => {
  it('GIVEN the answer after an article THEN it is correct', () => {
    expect(verdictOf('cane', 'il cane', { lang: 'it' })).toBe('correct');
    expect(verdictOf('avô', 'o avô', { lang: 'pt' })).toBe('correct');
    expect(verdictOf('Po', 'fiume Po', { lang: 'it' })).toBe('correct');
  });
});

describe('sister terms in WordNet', () => {
  it('GIVEN another kind of the same thing THEN it is not a synonym', () => {
    const average = { question: 'Which average is the middle value of a sorted list?' };
    expect(verdictOf('median', 'mean', average)).toBe('wrong');
    expect(verdictOf('median', 'mode', average)).toBe('wrong');
  });
});
