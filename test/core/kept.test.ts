import { describe, expect, it } from 'vitest';
import { Kept } from '../../src/core/kept.ts';

describe('Kept', () => {
  it('GIVEN a value older than its time THEN it reads as missing', () => {
    const kept = new Kept<string | null>(10, 1_000);
    kept.set('a', null, 0);
    expect(kept.get('a', 999)).toBeNull();
    expect(kept.get('a', 1_000)).toBeUndefined();
  });

  it('GIVEN it is full THEN the least recently used goes first', () => {
    const kept = new Kept<number>(2, 1_000);
    kept.set('a', 1, 0);
    kept.set('b', 2, 0);
    expect(kept.get('a', 1)).toBe(1);
    kept.set('c', 3, 1);
    expect([kept.get('a', 2), kept.get('b', 2), kept.get('c', 2)]).toEqual([1, undefined, 3]);
    kept.delete('a');
    expect(kept.get('a', 2)).toBeUndefined();
  });
});
