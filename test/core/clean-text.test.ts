import { describe, expect, it } from 'vitest';
import { checkLength, cleanText, tooLongText } from '../../src/core/text/clean-text.ts';

describe('cleanText', () => {
  it('GIVEN a NUL byte, a bell, DEL and a C1 control THEN they are gone; tabs and line breaks stay', () => {
    expect(cleanText('ser\u0000ver\u0007 a\u007fb\u0085c\td\r\ne\rf', 100)).toBe('server abc\td\ne\nf');
  });

  it('GIVEN a lone surrogate THEN it is dropped, and a whole emoji kept', () => {
    expect(cleanText('a\ud800b\udc00c😀', 100)).toBe('abc😀');
  });

  it('GIVEN text over the limit THEN it is cut there, never in the middle of an emoji', () => {
    expect(cleanText('x'.repeat(3_000), 2_000)).toHaveLength(2_000);
    expect(cleanText('abc😀', 4)).toBe('abc');
  });
});

describe('checkLength', () => {
  it('GIVEN a value within the limit THEN it is cleaned and trimmed', () => {
    expect(checkLength('  docker\u0000  ', 'deck id', 64)).toEqual({ ok: true, text: 'docker' });
  });

  it('GIVEN a value over the limit THEN it is refused, saying what and why', () => {
    const check = checkLength('d'.repeat(65), 'deck id', 64);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(tooLongText(check)).toBe('deck id too long (max 64 characters)');
  });
});
