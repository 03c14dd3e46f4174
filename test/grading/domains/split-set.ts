import { describe, expect, it } from 'vitest';
import type { DomainCard } from './domain-card.ts';
import { type Floors, itKeepsFloors } from './floors.ts';
import { measure, mislabelled, report, summary } from './measure.ts';

/** How much a half must span: its distinct domains and languages, and its answers. */
export interface Span {
  readonly domains: number;
  readonly languages: number;
  readonly answers: number;
}

/** One labelled set split into a development half and a check half (issue #16's method). */
export interface SplitSet {
  /** Names the set in titles and printed lines: `spelling` reads "the check half of the spelling set". */
  readonly name: string;
  readonly dev: readonly DomainCard[];
  readonly check: readonly DomainCard[];
  readonly floors: Floors;
  readonly checkFloors: Floors;
  readonly spans: { readonly dev: Span; readonly check: Span };
}

function itSpans(half: string, cards: readonly DomainCard[], span: Span, alsoLabels: boolean): void {
  const { domains, languages, answers } = span;
  it(`GIVEN ${half} THEN it spans at least ${domains} domains, ${languages} languages and ${answers} answers`, () => {
    expect(new Set(cards.map((card) => card.domain)).size).toBeGreaterThanOrEqual(domains);
    expect(new Set(cards.map((card) => card.lang)).size).toBeGreaterThanOrEqual(languages);
    expect(cards.reduce((sum, card) => sum + card.cases.length, 0)).toBeGreaterThanOrEqual(answers);
    if (alsoLabels) expect(mislabelled(cards)).toEqual([]);
  });
}

/**
 * The tests of a split set: each half's span and labels, the development half's report and floors, and the
 * check half's floors (its summary printed, never its misses: it is measured once, at the end of its round).
 */
export function describeSplitSet(set: SplitSet): void {
  describe(`the check half of the ${set.name} set`, () => {
    itSpans('the check half', set.check, set.spans.check, false);

    it('GIVEN each answer THEN its label is valid and the expected answer itself is labelled correct', () => {
      expect(mislabelled(set.check)).toEqual([]);
    });
  });

  describe(`grading accuracy on the development half of the ${set.name} set`, () => {
    const result = measure(set.dev);
    console.log(report(`${set.name} dev half`, result));

    itSpans('the development half', set.dev, set.spans.dev, true);
    itKeepsFloors('the development half', result, set.floors);
  });

  describe(`grading accuracy on the check half of the ${set.name} set (measured once, at the end)`, () => {
    const result = measure(set.check);
    console.log(`${set.name} check half: ${summary(result)}`);

    itKeepsFloors('the check half', result, set.checkFloors);
  });
}
