import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev8-english-words/check-half.ts';
import { DEV_HALF } from './dev8-english-words/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g9: a labelled set on English synonyms a teacher accepts (words, phrases, names WordNet gives a
// person, informal and technical terms, definitions) and their near misses, split at random into a development
// half and a check half. The check half is committed first and measured once, at the end.

// Before the grader changed (2026-11-29): the development half (470 answers) 90.0% agreement, 1.8% false
// accepts, 55.8% of its 77 teacher-accepted synonyms accepted; the check half (376 answers) 87.5%, 3.9%, 54.4%.
const FLOORS = { agreement: 0.9, falseAccepts: 0.019 } as const;
const CHECK_FLOORS = { agreement: 0.875, falseAccepts: 0.04 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'English words',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 20, languages: 1, answers: 450 },
    check: { domains: 20, languages: 1, answers: 350 },
  },
});
