import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

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
