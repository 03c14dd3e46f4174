import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev6-words/check-half.ts';
import { mislabelled } from './domains/measure.ts';

// Issue #16, task g4: a labelled set on words a teacher accepts (synonyms, harmless context, abbreviations,
// accents) and their near misses, split at random into a development half and a check half. The check half
// is committed first and measured once, at the end.

await loadLanguages(new Set(CHECK_HALF.map((card) => card.lang)));

describe('the check half of the words set', () => {
  it('GIVEN the check half THEN it spans at least 20 domains, 4 languages and 400 answers', () => {
    expect(new Set(CHECK_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(CHECK_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(4);
    expect(CHECK_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it('GIVEN each answer THEN its label is valid and the expected answer itself is labelled correct', () => {
    expect(mislabelled(CHECK_HALF)).toEqual([]);
  });
});
