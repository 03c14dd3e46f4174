import { describe, expect, it } from 'vitest';
import { cardText as discordText } from '../../src/adapters/discord/text.ts';
import { cardText as slackText } from '../../src/adapters/slack/render/blocks.ts';
import { segmentsOf } from '../../src/core/text/segments.ts';

const ZWSP = '\u200b';

describe('segmentsOf', () => {
  it('GIVEN a fenced block, inline code and maths THEN each is its own segment, the rest text', () => {
    expect(segmentsOf('Run `ls -a` here:\n```bash\necho *\n```\nThen $E = mc^2$ and $$\\int x$$.')).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', code: 'ls -a', block: false },
      { kind: 'text', text: ' here:\n' },
      { kind: 'code', code: 'echo *', block: true, lang: 'bash' },
      { kind: 'text', text: 'Then ' },
      { kind: 'math', tex: 'E = mc^2', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\int x', display: true },
      { kind: 'text', text: '.' },
    ]);
  });

  it('GIVEN prices, an escaped dollar and unclosed backticks THEN they stay text', () => {
    expect(segmentsOf('It costs $5 and $10, or \\$3; a ` alone')).toEqual([
      { kind: 'text', text: 'It costs $5 and $10, or $3; a ` alone' },
    ]);
  });

  it('GIVEN an unclosed fence, or a language that is not a word THEN the block runs to the end, with no language', () => {
    expect(segmentsOf('```<b>@x\nline 1\nline 2')).toEqual([
      { kind: 'code', code: 'line 1\nline 2', block: true, lang: null },
    ]);
  });

  it('GIVEN inline code holding a backtick THEN a longer run delimits it', () => {
    expect(segmentsOf('``a ` b``')).toEqual([{ kind: 'code', code: 'a ` b', block: false }]);
  });
});

describe('card text on Discord', () => {
  it('GIVEN code THEN it shows as code, unescaped, with its language; the text around stays escaped', () => {
    expect(discordText('Which **flag**? `ls -a_b`\n```js\nconst a = b * c; // @everyone\n```\nDone_')).toBe(
      `Which \\*\\*flag\\*\\*? \`ls -a_b\`\n\`\`\`js\nconst a = b * c; // @everyone\n\`\`\`\nDone\\_`,
    );
  });

  it('GIVEN a fence inside the code THEN it cannot close the block early', () => {
    expect(discordText('````md\n```\n@here\n````')).toBe(`\`\`\`md\n\`${ZWSP}\`\`\n@here\n\`\`\``);
  });

  it('GIVEN maths THEN its TeX shows as code', () => {
    expect(discordText('So $\\frac{a_1}{b}$ it is.')).toBe('So `$\\frac{a_1}{b}$` it is.');
  });

  it('GIVEN text without code THEN it is escaped exactly as escapeText does', () => {
    expect(discordText('# h [a](https://x.example) @everyone')).toBe(
      `\\# h \\[a](https://x.example) @${ZWSP}everyone`,
    );
  });

  it('GIVEN a masked link that spans code THEN its bracket is escaped', () => {
    expect(discordText('[see `x`](https://evil.example)')).toBe('\\[see `x`](https://evil.example)');
  });
});

describe('card text on Slack', () => {
  it('GIVEN code THEN it is preformatted, with only Slack control characters escaped inside', () => {
    expect(
      slackText('Use `a<b` then:\n```sql\nselect * from t where x > 1; -- <!channel>\n```\nok <!here>'),
    ).toBe(
      'Use `a&lt;b` then:\n```\nselect * from t where x &gt; 1; -- &lt;!channel&gt;\n```\nok &lt;!here&gt;',
    );
  });

  it('GIVEN inline code holding a backtick, and maths THEN the code is escaped text and the maths code', () => {
    expect(slackText('``a`b`` and $x^2$')).toBe('a`b and `$x^2$`');
  });
});
