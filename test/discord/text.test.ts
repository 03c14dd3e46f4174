import { describe, expect, it } from 'vitest';
import { escapeText, MESSAGE_LIMIT } from '../../src/adapters/discord/text.ts';
import { clip, fitMessage, split } from '../../src/chat/text-cut.ts';

const ZWSP = '\u200b';

describe('escapeText', () => {
  it('GIVEN mentions THEN none can form: a zero-width space follows every @ and <', () => {
    expect(escapeText('@everyone @here <@123> <@!123> <@&456> <#789>')).toBe(
      `@${ZWSP}everyone @${ZWSP}here <${ZWSP}@${ZWSP}123> <${ZWSP}@${ZWSP}!123> <${ZWSP}@${ZWSP}&456> <${ZWSP}#789>`,
    );
  });

  it('GIVEN markdown THEN it shows as typed', () => {
    expect(escapeText('**b** *i* __u__ ~~s~~ ||x|| `c` \\')).toBe(
      '\\*\\*b\\*\\* \\*i\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\` \\\\',
    );
    expect(escapeText('# h\n> q\n>>> qq\n-# small\n- item\n1. first\n[a](https://x.example)')).toBe(
      '\\# h\n\\> q\n\\>>> qq\n\\-# small\n\\- item\n1\\. first\n\\[a](https://x.example)',
    );
  });

  it('GIVEN plain text THEN it stays as it is', () => {
    expect(escapeText('A container, not a VM.')).toBe('A container, not a VM.');
    expect(escapeText('See [1] and [2]; 3 ~ 4 | 5.')).toBe('See [1] and [2]; 3 ~ 4 | 5.');
  });

  it('GIVEN a link THEN its address is left as Discord reads it, and the text around it escaped', () => {
    expect(escapeText('see https://x.example/a_b*c?d=e_f and _this_')).toBe(
      'see https://x.example/a_b*c?d=e_f and \\_this\\_',
    );
  });

  // discord.js's escapeMarkdown took 27 s on 60,000 `a`s and 21 s on 60,000 `*`s: its lookbehinds rescan
  // the line at every character. These inputs finish within the test's time limit only if escaping is linear.
  it('GIVEN 60,000 characters THEN only what one message can show is escaped, with an ellipsis', () => {
    expect(escapeText('*'.repeat(60_000))).toBe(`${'\\*'.repeat(MESSAGE_LIMIT)}…`);
    expect(escapeText('a'.repeat(60_000))).toBe(`${'a'.repeat(MESSAGE_LIMIT)}…`);
  });

  it('GIVEN 60,000 characters of markdown and mentions escaped whole THEN each is escaped once, in order', () => {
    const escaped = escapeText('a*_@<`'.repeat(10_000), Number.POSITIVE_INFINITY);
    expect(escaped).toBe(`a\\*\\_@${ZWSP}<${ZWSP}\\\``.repeat(10_000));
  });
});

describe('fitMessage', () => {
  it('GIVEN text within the limit THEN it is untouched', () => {
    expect(fitMessage('short', 10)).toEqual({ text: 'short', cut: false });
  });

  it('GIVEN long text THEN it is cut at a word end with an ellipsis, within the limit', () => {
    const fitted = fitMessage(`${'word '.repeat(500)}end`, 2_000);
    expect(fitted.cut).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(2_000);
    expect(fitted.text).toMatch(/word…$/);
  });

  it('GIVEN a cut right after an escaping backslash THEN the backslash is dropped, not left to escape the ellipsis', () => {
    const fitted = fitMessage(`${'a'.repeat(8)}\\*bbbb`, 10);
    expect(fitted.text).toBe(`${'a'.repeat(8)}…`);
  });

  it('GIVEN an emoji at the cut THEN it is not split in half', () => {
    const fitted = fitMessage(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(fitted.text).toBe(`${'a'.repeat(8)}…`);
  });
});

describe('split', () => {
  it('GIVEN long text THEN parts within the limit that together hold every word', () => {
    const text = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    const parts = split(text, 2_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2_000);
    expect(parts.join(' ')).toBe(text);
  });
});

describe('clip', () => {
  it('GIVEN a long label THEN one line, cut with an ellipsis', () => {
    expect(clip('a b\nc d e f', 6)).toBe('a b c…');
  });
});
