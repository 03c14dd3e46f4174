import { describe, expect, it } from 'vitest';
import { isSupportedLanguage, LANGUAGES, loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

const ADDED = ['ru', 'nl', 'sv', 'da', 'pl', 'tr', 'el'] as const;

await loadLanguages(ADDED);

describe('the languages given a Hunspell dictionary in issue #16, round g3', () => {
  it('GIVEN a deck tag of an added language THEN it is supported, region or not', () => {
    for (const lang of ADDED) expect(LANGUAGES).toContain(lang);
    expect(isSupportedLanguage('sv-SE')).toBe(true);
    expect(isSupportedLanguage('pl')).toBe(true);
    expect(isSupportedLanguage('fi')).toBe(false);
  });

  it('GIVEN a one-letter variant that the dictionary lists THEN it is another word, not a slip', () => {
    expect(verdictOf('Толстой', 'Толстый', { lang: 'ru' })).toBe('wrong');
    expect(verdictOf('łyżka', 'łyżwa', { lang: 'pl' })).toBe('wrong');
    expect(verdictOf('ręka', 'rzeka', { lang: 'pl' })).toBe('wrong');
    expect(verdictOf('köpek', 'köpük', { lang: 'tr' })).toBe('wrong');
    expect(verdictOf('βιβλίο', 'βιβλία', { lang: 'el' })).toBe('wrong');
    expect(verdictOf('kaas', 'kaal', { lang: 'nl' })).toBe('wrong');
  });

  it('GIVEN a slip that spells no word THEN it is close, even in a short word the rules without a dictionary refuse', () => {
    expect(verdictOf('вода', 'вада', { lang: 'ru' })).toBe('close');
    expect(verdictOf('поезд', 'поез', { lang: 'ru' })).toBe('close');
    expect(verdictOf('piosenka', 'pisenka', { lang: 'pl' })).toBe('close');
  });

  it('GIVEN a marked letter of the alphabet changed into another word THEN it is wrong, however short', () => {
    expect(verdictOf('år', 'är', { lang: 'sv' })).toBe('wrong');
    expect(verdictOf('sång', 'säng', { lang: 'sv' })).toBe('wrong');
    expect(verdictOf('år', 'ar', { lang: 'da' })).toBe('wrong');
  });

  it('GIVEN marked letters left out or changed into no word THEN it is close; Greek without accents is right', () => {
    expect(verdictOf('łyżka', 'lyzka', { lang: 'pl' })).toBe('close');
    expect(verdictOf('fågel', 'fagel', { lang: 'sv' })).toBe('close');
    expect(verdictOf('fågel', 'fägel', { lang: 'sv' })).toBe('close');
    expect(verdictOf('öğretmen', 'ogretmen', { lang: 'tr' })).toBe('close');
    expect(verdictOf('γάτα', 'γατα', { lang: 'el' })).toBe('correct');
  });

  it('GIVEN an article before the word or a word after it THEN the answer stands', () => {
    expect(verdictOf('huis', 'het huis', { lang: 'nl' })).toBe('correct');
    expect(verdictOf('kız', 'kız çocuğu', { lang: 'tr' })).toBe('correct');
  });
});
