import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/core/grading/normalise.ts';
import { verdictOf } from './verdict-of.ts';

describe('answers written in other alphabets', () => {
  it('GIVEN the same word in Cyrillic, Greek, Arabic, Hebrew, Devanagari, Chinese, Japanese or Korean THEN it is correct', () => {
    for (const word of ['собака', 'σκύλος', 'كلب', 'כלב', 'कुत्ता', '狗', 'ありがとう', '강아지'])
      expect(verdictOf(word, ` ${word}. `)).toBe('correct');
    expect(verdictOf('Москва', 'москва')).toBe('correct');
  });

  it('GIVEN another word in the same alphabet THEN it is wrong', () => {
    expect(verdictOf('собака', 'кошка')).toBe('wrong');
    expect(verdictOf('ありがとう', 'さようなら')).toBe('wrong');
    expect(verdictOf('東京', '京都')).toBe('wrong');
  });

  it('GIVEN Greek or Cyrillic accents THEN they are folded like Latin ones; a Japanese voicing mark is not an accent', () => {
    expect(verdictOf('σκύλος', 'σκυλος')).toBe('correct');
    expect(verdictOf('ёлка', 'елка')).toBe('correct');
    expect(verdictOf('がっこう', 'かっこう')).toBe('wrong');
  });

  it('GIVEN one sign off in Chinese, Japanese or Korean THEN it is wrong, not a typo; a Cyrillic slip in a long word is close', () => {
    expect(verdictOf('図書館', '図書舘')).toBe('wrong');
    expect(verdictOf('достопримечательность', 'достопримечательнсть')).toBe('close');
  });

  it('GIVEN a lone Greek letter or the ohm sign THEN it reads as its name, and µ before a unit stays micro', () => {
    expect(normalise('π')).toBe('pi');
    expect(normalise('Δt')).toBe('δt');
    expect(verdictOf('ohm', 'Ω')).toBe('correct');
    expect(verdictOf('beta', 'β')).toBe('correct');
    expect(verdictOf('10 µs', '10 us')).toBe('correct');
    expect(normalise('μέλι')).toBe('μελι');
  });
});

describe('articles and elision in Romance and Germanic languages', () => {
  it('GIVEN French or Italian elision THEN the elided article may be left out or added, as a full one may', () => {
    expect(verdictOf("l'eau", 'eau', { lang: 'fr' })).toBe('correct');
    expect(verdictOf('eau', "l'eau", { lang: 'fr' })).toBe('correct');
    expect(verdictOf("l'acqua", 'acqua', { lang: 'it' })).toBe('correct');
  });

  it('GIVEN an Italian, Portuguese or Dutch article left out THEN the answer is correct', () => {
    expect(verdictOf('il gatto', 'gatto', { lang: 'it' })).toBe('correct');
    expect(verdictOf('o cão', 'cão', { lang: 'pt' })).toBe('correct');
    expect(verdictOf('het huis', 'huis', { lang: 'nl' })).toBe('correct');
  });

  it('GIVEN an English contraction THEN it is not split like an elision', () => {
    expect(verdictOf("it's a container", 'its a container')).toBe('correct');
    expect(verdictOf("O'Brien", 'OBrien')).toBe('correct');
  });
});
