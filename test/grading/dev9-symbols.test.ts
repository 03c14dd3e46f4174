import { loadLanguages } from '../../src/languages/load.ts';
import { CHECK_HALF } from './dev9-symbols/check-half.ts';
import { DEV_HALF } from './dev9-symbols/dev-half.ts';
import { describeSplitSet } from './domains/split-set.ts';

// Issue #16, task g12: a labelled set on symbols, abbreviations and units (chemical formulas and element symbols,
// unit symbols and names, a unit on a bare number, truncated and technical abbreviations, Greek letters) and their
// near misses, split at random into a development half and a check half. The check half is committed first and
// measured once, at the end.

// Measured at the end of the round (2026-11-29). The development half (377 answers): 85.7% agreement, 5.0% false
// accepts, 27.3% of its teacher-accepted synonyms accepted before the grader changed; 91.5%, 2.2%, 36.4% after. The
// check half (341 answers), measured once at the end: 90.3%, 1.9%, 25.0% before; 91.5%, 0.6%, 25.0% after. Most
// misses left are element and compound names outside English ('chlorure de sodium' for 'NaCl', 'CO2' for 'dióxido
// de carbono'), which no data here gives, and unit names in words beyond the unit table ('milímetros de mercúrio',
// 'henrio'). Floors only keep a later change from losing ground.
const FLOORS = { agreement: 0.915, falseAccepts: 0.023 } as const;
const CHECK_FLOORS = { agreement: 0.914, falseAccepts: 0.007 } as const;

await loadLanguages(new Set([...DEV_HALF, ...CHECK_HALF].map((card) => card.lang)));

describeSplitSet({
  name: 'symbols',
  dev: DEV_HALF,
  check: CHECK_HALF,
  floors: FLOORS,
  checkFloors: CHECK_FLOORS,
  spans: {
    dev: { domains: 15, languages: 6, answers: 350 },
    check: { domains: 15, languages: 6, answers: 300 },
  },
});
