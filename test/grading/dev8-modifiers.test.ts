import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev8-modifiers/check-half.ts';
import { DEV_HALF } from './dev8-modifiers/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, round ten: answers with words that narrow the expected one (a kind of it, a teacher takes it) or make
// another thing of it (`sea lion`, `wild rice`), split at random into a development half and a check half. The check
// half is committed first and measured once, at the end.
// Before the grader changed (2026-11-29): development half 80.3% agreement, 3.3% false accepts; check half 73.6%, 12.7%.
const FLOORS = { agreement: 0.802, falseAccepts: 0.034 } as const;
const CHECK_FLOORS = { agreement: 0.736, falseAccepts: 0.128 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'modifiers',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 16, languages: 4, answers: 157 },
    check: { domains: 14, languages: 5, answers: 148 },
  },
});
