import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev7-context/check-half.ts';
import { DEV_HALF } from './dev7-context/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g6: a labelled set on answers with harmless context (a leading preposition or article, "it is",
// an apposition or a gloss, a containing place), hedges and partly-right answers a teacher accepts, and their near
// misses, split at random into a development half and a check half. The check half is committed first and measured
// once, at the end; its floors are set from that one measurement.

// The check half was measured once, at the end of the round (2026-11-29): 88.6% agreement, 2.7% false accepts before
// the grader changed; 93.6%, 4.0% after. The development half (365 answers): 84.1%, 1.5% before; 95.3%, 1.5% after.
// Floors only keep a later change from losing ground.
const FLOORS = { agreement: 0.953, falseAccepts: 0.016 } as const;
const CHECK_FLOORS = { agreement: 0.935, falseAccepts: 0.041 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'context',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 20, languages: 6, answers: 350 },
    check: { domains: 15, languages: 5, answers: 200 },
  },
});
