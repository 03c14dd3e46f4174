import { describe, expect, it } from 'vitest';
import { isSupportedLanguage, LANGUAGES, loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, type VerdictRow } from './verdict-of.ts';

const ADDED = ['ru', 'nl', 'sv', 'da', 'pl', 'tr', 'el'] as const;

await loadLanguages(ADDED);

// Each row: the rule, the card's answer, its deck's language, what was typed, and a careful teacher's verdict.
const WORDS: readonly VerdictRow[] = [
  ['a one-letter variant the dictionary lists is another word', 'Толстой', 'ru', 'Толстый', 'wrong'],
  ['a stroked letter changed into another word', 'łyżka', 'pl', 'łyżwa', 'wrong'],
  ['a letter added into another word', 'ręka', 'pl', 'rzeka', 'wrong'],
  ['a Turkish vowel changed into another word', 'köpek', 'tr', 'köpük', 'wrong'],
  ['a Greek form in the other number', 'βιβλίο', 'el', 'βιβλία', 'wrong'],
  ['a Dutch word one letter away', 'kaas', 'nl', 'kaal', 'wrong'],
  ['a slip into no word, in a short word', 'вода', 'ru', 'вада', 'close'],
  ['a lost last letter that makes no word', 'поезд', 'ru', 'поез', 'close'],
  ['a lost letter inside', 'piosenka', 'pl', 'pisenka', 'close'],
  ['a letter of the Swedish alphabet changed, however short the word', 'år', 'sv', 'är', 'wrong'],
  ['"å" for "ä" into another word', 'sång', 'sv', 'säng', 'wrong'],
  ['a Danish ring left out into another word ("ar", scar)', 'år', 'da', 'ar', 'wrong'],
  ['strokes and dots left out', 'łyżka', 'pl', 'lyzka', 'close'],
  ['a Swedish ring left out into no word', 'fågel', 'sv', 'fagel', 'close'],
  ['a Swedish letter changed into no word', 'fågel', 'sv', 'fägel', 'close'],
  ['Turkish letters left out', 'öğretmen', 'tr', 'ogretmen', 'close'],
  ['Greek without its accent', 'γάτα', 'el', 'γατα', 'correct'],
  ['a Dutch article before the word', 'huis', 'nl', 'het huis', 'correct'],
  ['a word after the whole answer', 'kız', 'tr', 'kız çocuğu', 'correct'],
];

describe('the languages given a Hunspell dictionary in issue #16, round g3', () => {
  it('GIVEN a deck tag of an added language THEN it is supported, region or not', () => {
    for (const lang of ADDED) expect(LANGUAGES).toContain(lang);
    expect(isSupportedLanguage('sv-SE')).toBe(true);
    expect(isSupportedLanguage('fi')).toBe(false);
  });

  itGradesEachRow(WORDS);
});
