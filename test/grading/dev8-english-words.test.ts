import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev8-english-words/check-half.ts';
import { DEV_HALF } from './dev8-english-words/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g9: a labelled set on English synonyms a teacher accepts (words, phrases, names WordNet gives a
// person, informal and technical terms, definitions) and their near misses, split at random into a development
// half and a check half. The check half is committed first and measured once, at the end.

// Measured on 2026-11-29. The development half (470 answers): 90.0% agreement, 1.8% false accepts, 55.8% of its 77
// teacher-accepted synonyms accepted before the grader changed; 92.1%, 0.0%, 63.6% after. The check half (376
// answers), measured once at the end: 87.5%, 3.9%, 54.4% before; 88.0%, 3.1%, 55.9% after. Most synonyms still
// missed are in no synset of the answer's sense (brand names of a drug WordNet lacks, 'escape speed', 'dry spell')
// or one step away by a relation a teacher does not always follow (a kind of the answer: 'dynamo', 'cupola'); a
// first name WordNet files the person under ('Dante', 'Alexander') stays wrong, as the forms set's teacher marks it.
// Floors only keep a later change from losing ground.
const FLOORS = { agreement: 0.921, falseAccepts: 0 } as const;
const CHECK_FLOORS = { agreement: 0.88, falseAccepts: 0.032 } as const;

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
