import { describe, expect, it } from 'vitest';
import { context, plain, sections } from '../../src/adapters/slack/render/blocks.ts';

const texts = (text: string) => sections(text).map((block) => block.text?.text ?? '');

describe('long mrkdwn cut into sections', () => {
  it('GIVEN text within the limit THEN one section holds it as it is', () => {
    expect(texts('a &lt;b&gt; c')).toEqual(['a &lt;b&gt; c']);
  });

  it('GIVEN words THEN it is cut at spaces, every piece within 3,000 characters, and nothing is lost', () => {
    const text = Array.from({ length: 1_500 }, (_, i) => `word${i}`).join(' ');
    const parts = texts(text);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((part) => part.length <= 3_000 && !part.startsWith(' ') && !part.endsWith(' '))).toBe(
      true,
    );
    expect(parts.join(' ')).toBe(text);
  });

  it('GIVEN one long run without spaces THEN it is cut at the limit, but never inside an entity', () => {
    const text = `${'x'.repeat(2_998)}&amp;${'y'.repeat(100)}`;
    const parts = texts(text);
    expect(parts).toEqual(['x'.repeat(2_998), `&amp;${'y'.repeat(100)}`]);
  });

  // Both used to cost the square of the length: 500 ms for a plain text of `&`s, and sections searched
  // back through the whole text at every cut. These finish within the test's time limit only when linear.
  it('GIVEN 1,000,000 characters THEN sections hold all of them, each within the limit', () => {
    const text = 'a'.repeat(1_000_000);
    const pieces = sections(text).map((block) => block.text?.text ?? '');
    expect(pieces.every((piece) => piece.length <= 3_000)).toBe(true);
    expect(pieces.join('')).toBe(text);
  });

  it('GIVEN 60,000 ampersands as plain text THEN whole entities within the limit, and an ellipsis', () => {
    const fitted = plain('&'.repeat(60_000), 3_000).text;
    expect(fitted).toBe(`${'&amp;'.repeat(599)}…`);
  });

  it('GIVEN a context line over 2,000 characters THEN it is cut with an ellipsis before an entity, not inside it', () => {
    const line = context(`${'x'.repeat(1_997)}&amp;y`).elements[0];
    expect(line && 'text' in line ? line.text : '').toBe(`${'x'.repeat(1_997)}…`);
  });
});
