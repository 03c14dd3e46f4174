import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { itGradesEachRow, type VerdictRow, verdictOf } from './verdict-of.ts';

describe('Japanese answers in kana or romaji', () => {
  const ja = { lang: 'ja' } as const;

  it('GIVEN the reading in katakana, half-width katakana or romaji (Hepburn or Kunrei) THEN it is correct', () => {
    for (const answer of ['スシ', 'sushi', 'susi', 'ＳＵＳＨＩ'])
      expect(verdictOf('すし', answer, ja)).toBe('correct');
    for (const answer of ['ｺｰﾋｰ', 'kōhī', 'koohii', 'こーひー'])
      expect(verdictOf('コーヒー', answer, ja)).toBe('correct');
    for (const answer of ['toukyou', 'tōkyō', 'tôkyô', 'tookyoo'])
      expect(verdictOf('東京', answer, { ...ja, accept: ['とうきょう'] })).toBe('correct');
  });

  it('GIVEN a long vowel written short, or a slip in a long word THEN it is close', () => {
    expect(verdictOf('とうきょう', 'tokyo', ja)).toBe('close');
    expect(verdictOf('ありがとう', 'ありがとお', ja)).toBe('close');
    expect(verdictOf('つなみ', 'tsnami', ja)).toBe('close');
  });

  it('GIVEN another voicing, or one sound off in a short word THEN it is another word', () => {
    expect(verdictOf('がっこう', 'kakkou', ja)).toBe('wrong');
    expect(verdictOf('あね', 'ani', ja)).toBe('wrong');
    expect(verdictOf('やま', 'やみ', ja)).toBe('wrong');
    expect(verdictOf('ねこ', 'いぬ', ja)).toBe('wrong');
  });

  it('GIVEN an alias in romaji THEN it is taken as written', () => {
    expect(verdictOf('は', 'wa', { ...ja, accept: ['wa'] })).toBe('correct');
  });
});

describe('Chinese answers in pinyin', () => {
  const zh = { lang: 'zh' } as const;

  it('GIVEN tone marks or tone digits, spaced or not THEN it is correct', () => {
    for (const answer of ['ni3 hao3', 'nǐhǎo', 'Nǐ hǎo!', 'ni3hao3'])
      expect(verdictOf('nǐ hǎo', answer, zh)).toBe('correct');
    expect(verdictOf('谢谢', 'xie4 xie5', { ...zh, accept: ['xièxie'] })).toBe('correct');
  });

  it('GIVEN no tones THEN it is close; other tones THEN it is another word', () => {
    expect(verdictOf('nǐ hǎo', 'ni hao', zh)).toBe('close');
    expect(verdictOf('nǐ hǎo', 'nihao', zh)).toBe('close');
    expect(verdictOf('mǎi', 'mài', zh)).toBe('wrong');
    expect(verdictOf('mǎi', 'mai4', zh)).toBe('wrong');
  });

  it('GIVEN a Spanish card with an accent THEN its accent is not read as a tone', () => {
    expect(verdictOf('mamá', 'mama2', { lang: 'es' })).toBe('wrong');
  });
});

// Each row: the card's answer, its deck's language, what was typed, and a careful teacher's verdict.
const ALPHABETS: readonly VerdictRow[] = [
  ['Cyrillic "й" is a letter of its own', 'мой', 'ru', 'мои', 'wrong'],
  ['Cyrillic "й" typed "и" in a long word is a slip', 'книгой', 'ru', 'книгои', 'close'],
  ['Cyrillic "ё" may be written "е"', 'ёж', 'ru', 'еж', 'correct'],
  ['Arabic vowel points are optional', 'كتاب', 'ar', 'كِتَابٌ', 'correct'],
  ['the Arabic article is a prefix', 'كتاب', 'ar', 'الكتاب', 'correct'],
  ['the Arabic article may be left out', 'القاهرة', 'ar', 'قاهرة', 'correct'],
  ['another Arabic word of the same root is another word', 'كتاب', 'ar', 'كاتب', 'wrong'],
  ['Hebrew vowel points are optional', 'שלום', 'he', 'שָׁלוֹם', 'correct'],
  ['the Hebrew article is a prefix', 'שלום', 'he', 'השלום', 'correct'],
  ['a Greek article is a word, not a letter name', 'θάλασσα', 'el', 'η θάλασσα', 'correct'],
  ['a Greek article before a name', 'Δίας', 'el', 'ο Δίας', 'correct'],
  ['a Hangul slip is counted in letters', '안녕하세요', 'ko', '안녕하세여', 'close'],
  ['one Hangul letter off in three is another word', '물', 'ko', '불', 'wrong'],
  ['two Hangul letters off in six is another word', '한글', 'ko', '한국', 'wrong'],
  ['a stroke left out is an accent left out', 'łyżka', 'pl', 'lyzka', 'close'],
  ['Turkish dotless i written with its dot', 'kız', 'tr', 'kiz', 'close'],
  ['Turkish dotless i where the card has a dot', 'simit', 'tr', 'sımit', 'close'],
  ['another accent', 'één', 'nl', 'eén', 'close'],
  ['Vietnamese tones left out', 'phở', 'vi', 'pho', 'close'],
  ['another Vietnamese tone is another word', 'phở', 'vi', 'phố', 'wrong'],
  ['Turkish capital I for ı', 'kız', 'tr', 'KIZ', 'correct'],
  ['Turkish İ in lowercase', 'İstanbul', 'tr', 'istanbul', 'correct'],
  ['Turkish İ as a plain capital', 'İstanbul', 'tr', 'Istanbul', 'correct'],
  ['no dictionary: a short word takes no slip', 'kala', 'fi', 'kola', 'wrong'],
  ['no dictionary: a Cyrillic short word takes no slip', 'борщ', 'ru', 'борт', 'wrong'],
  ['no dictionary: another ending is another form', 'Warszawa', 'pl', 'Warszawie', 'wrong'],
  ['no dictionary: a letter lost in a longer word is a slip', 'kiitos', 'fi', 'kitos', 'close'],
  ['no dictionary: a letter lost inside is a slip', 'Warszawa', 'pl', 'Warszwa', 'close'],
  ['a Hebrew final letter written as a plain one', 'שלום', 'he', 'שלומ', 'close'],
  [
    'no dictionary: one word after the whole answer says more of it',
    'ευχαριστώ',
    'el',
    'ευχαριστώ πολύ',
    'correct',
  ],
  [
    'no dictionary: a word before the answer may name something else',
    'Корея',
    'ru',
    'Северная Корея',
    'wrong',
  ],
];

describe('letters, marks and articles of other alphabets', () => {
  itGradesEachRow(ALPHABETS);

  it('GIVEN a question asking who in another language THEN the surname alone names the person', () => {
    expect(
      verdictOf('Юрий Гагарин', 'Гагарин', { lang: 'ru', question: 'Кто первым полетел в космос?' }),
    ).toBe('correct');
    expect(
      verdictOf('Mikołaj Kopernik', 'Kopernik', { lang: 'pl', question: 'Kto napisał „O obrotach”?' }),
    ).toBe('correct');
  });
});

describe('Chinese character sets', () => {
  it('GIVEN traditional characters for a simplified card, or the reverse THEN it is the same word', async () => {
    await loadLanguages(['zh']);
    expect(verdictOf('图书馆', '圖書館', { lang: 'zh' })).toBe('correct');
    expect(verdictOf('謝謝', '谢谢', { lang: 'zh' })).toBe('correct');
    expect(verdictOf('中国', '中文', { lang: 'zh' })).toBe('wrong');
  });
});
