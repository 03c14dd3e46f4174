import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev6-words/check-half.ts';
import { DEV_HALF } from './dev6-words/dev-half.ts';
import { itKeepsFloors } from './domains/floors.ts';
import { measure, mislabelled, report, summary } from './domains/measure.ts';

// Issue #16, task g4: a labelled set on words a teacher accepts (synonyms, harmless context, abbreviations,
// accents) and their near misses, split at random into a development half and a check half. The check half
// is committed first and measured once, at the end.

// The check half was measured once, at the end of the round (2026-11-29): 87.3% agreement, 1.8% false accepts,
// 49.2% of its 63 teacher-accepted synonyms accepted before the grader changed; 87.5%, 1.8%, 49.2% after. The
// development half (464 answers): 89.2%, 1.1%, 42.4% before, 89.4%, 1.1%, 42.4% after. Most synonyms missed are
// in no WordNet synset of the answer, or in es/fr/de/it, which have no thesaurus here. Floors only keep a later
// change from losing ground.
const FLOORS = { agreement: 0.894, falseAccepts: 0.011 } as const;
const CHECK_FLOORS = { agreement: 0.875, falseAccepts: 0.018 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

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

describe('grading accuracy on the development half of the words set', () => {
  const result = measure(DEV_HALF);
  console.log(report('words dev half', result));

  it('GIVEN the development half THEN it spans at least 20 domains, 5 languages and 450 answers', () => {
    expect(new Set(DEV_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(DEV_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(5);
    expect(DEV_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(450);
    expect(mislabelled(DEV_HALF)).toEqual([]);
  });

  itKeepsFloors('the development half', result, FLOORS);
});

describe('grading accuracy on the check half of the words set (measured once, at the end)', () => {
  const result = measure(CHECK_HALF);
  console.log(`words check half: ${summary(result)}`);

  itKeepsFloors('the check half', result, CHECK_FLOORS);
});
