import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev8-modifiers/check-half.ts';
import { DEV_HALF } from './dev8-modifiers/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, round ten: answers with words that narrow the expected one (a kind of it, a teacher takes it) or make
// another thing of it (`sea lion`, `wild rice`), split at random into a development half and a check half. The check
// half is committed first and measured once, at the end.
// Measured before the grader changed and after (2026-11-29), the check half once, at the end: development half
// 80.3% -> 89.2% agreement, 3.3% -> 6.7% false accepts (`electric piano`, `portal hypertension`: an adjective that
// still names a kind, and WordNet's kind); check half 73.6% -> 87.2%, 12.7% -> 9.1%. Floors keep later changes
// from losing ground. Merged with task g9's test that an onion dome is no half sphere, a noun before the answer
// now makes a kind of its own even where WordNet lists it as a kind ('valence electron' is missed): development
// half 88.5%, 5.0%.
const FLOORS = { agreement: 0.885, falseAccepts: 0.05 } as const;
const CHECK_FLOORS = { agreement: 0.871, falseAccepts: 0.092 } as const;

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
