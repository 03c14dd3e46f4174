import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev4-scripts/check-half.ts';
import { DEV_HALF } from './dev4-scripts/dev-half.ts';
import { itKeepsFloors } from './domains/floors.ts';
import { measure, mislabelled, report, summary } from './domains/measure.ts';

// Issue #16, task g2: a labelled set on answers in other scripts and in languages with no dictionary here, split
// at random into a development half and a check half. The check half was committed first and measured once, at
// the end of the round (2026-11-29): 68.7% agreement and 8.7% false accepts before the grader changed, 88.9% and
// 8.7% after. Its floors only keep a later change from losing ground.
// The development half, measured before the grader changed: 70.5% agreement, 12.1% false accepts (322 answers);
// 90.4% and 3.2% after kana and romaji, pinyin, character sets, Hangul letters, marks and tones, prefixed
// articles and the rules for languages with no dictionary.
// Task g3 (dictionaries for ru, pl, sv, tr, nl, el, loaded here as the app loads a deck's language): the
// development half 91.3% and 2.4%, the check half 88.9% and 7.9% (its misses not read).
const FLOORS = { agreement: 0.913, falseAccepts: 0.025 } as const;
const CHECK_FLOORS = { agreement: 0.888, falseAccepts: 0.08 } as const;

// Chinese loads its character sets, and the languages with a dictionary here (ru, pl, sv, tr, nl, el) load it,
// as the app loads each deck's language.
await loadLanguages(new Set(['zh', ...[...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)]));

describe('the check half of the scripts set', () => {
  it('GIVEN the check half THEN it spans at least 12 domains, 10 languages and 300 answers', () => {
    expect(new Set(CHECK_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(CHECK_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(10);
    expect(CHECK_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(300);
  });

  it('GIVEN each answer THEN its label is valid and the expected answer itself is labelled correct', () => {
    expect(mislabelled(CHECK_HALF)).toEqual([]);
  });
});

describe('grading accuracy on the development half of the scripts set', () => {
  const result = measure(DEV_HALF);
  console.log(report('scripts dev half', result));

  it('GIVEN the development half THEN it spans at least 12 domains, 10 languages and 300 answers', () => {
    expect(new Set(DEV_HALF.map((card) => card.domain)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(DEV_HALF.map((card) => card.lang)).size).toBeGreaterThanOrEqual(10);
    expect(DEV_HALF.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(300);
    expect(mislabelled(DEV_HALF)).toEqual([]);
  });

  itKeepsFloors('the development half', result, FLOORS);
});

describe('grading accuracy on the check half of the scripts set (measured once, at the end)', () => {
  const result = measure(CHECK_HALF);
  console.log(`scripts check half: ${summary(result)}`);

  itKeepsFloors('the check half', result, CHECK_FLOORS);
});
