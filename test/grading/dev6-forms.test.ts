import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev6-forms/check-half.ts';
import { DEV_HALF } from './dev6-forms/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g5: numbers, units, symbols, names and dates as a teacher reads them, in any language, split at
// random into a development half and a check half. The check half is committed first and measured once, at the end.

// The check half was measured once, at the end of the round (2026-11-29): 78.8% agreement and 6.1% false
// accepts before the grader changed, 91.2% and 1.8% after. The development half (460 answers): 82.2% and 1.9%
// before, 94.3% and 0.0% after names by the doer's noun, the unit algebra, unit slips, numerals and dates. Floors
// only keep a later change from losing ground.
const FLOORS = { agreement: 0.943, falseAccepts: 0 } as const;
const CHECK_FLOORS = { agreement: 0.912, falseAccepts: 0.018 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'numbers, names and units',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 15, languages: 6, answers: 400 },
    check: { domains: 15, languages: 6, answers: 300 },
  },
});
