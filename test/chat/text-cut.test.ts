import { describe, expect, it } from 'vitest';
import { split } from '../../src/chat/text-cut.ts';

describe('split with entities', () => {
  const text = `${'x'.repeat(8)}&lt;${'y'.repeat(8)}`;

  it('GIVEN a cut within a word that would split `&lt;` THEN the piece ends before the entity', () => {
    expect(split(text, 10, { entities: true })).toEqual(['x'.repeat(8), `&lt;${'y'.repeat(6)}`, 'yy']);
  });

  it('GIVEN no entities option (Discord markdown) THEN the cut stays at the limit', () => {
    expect(split(text, 10)[0]).toBe('xxxxxxxx&l');
  });

  it('GIVEN an entity at the very start of a piece THEN it is still cut at the limit rather than not at all', () => {
    expect(split('&amp;&amp;', 3, { entities: true })[0]).toBe('&am');
  });
});
