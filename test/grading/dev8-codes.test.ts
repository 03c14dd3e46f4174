import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev8-codes/check-half.ts';
import { DEV_HALF } from './dev8-codes/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g10: a labelled set on countries, languages, currencies, scripts and time zones named in
// another language or by their code, and their near misses, split at random into a development half and a check
// half. The check half is committed first and measured once, at the end.

// Before the grader changed: development half (357 answers) 75.9% agreement, 2.1% false accepts, 30.2% of
// synonyms accepted; check half (371 answers) 77.4%, 0.0%, 17.9%. Floors only keep a later change from losing ground.
const FLOORS = { agreement: 0.759, falseAccepts: 0.021 } as const;
const CHECK_FLOORS = { agreement: 0.774, falseAccepts: 0 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'codes',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 15, languages: 6, answers: 350 },
    check: { domains: 15, languages: 6, answers: 350 },
  },
});
