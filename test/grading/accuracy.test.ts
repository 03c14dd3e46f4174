import { describe, expect, it } from 'vitest';
import { grade } from '../../src/core/grading/grade.ts';
import { loadLanguages } from '../../src/languages/load.ts';
import { LABELLED } from './labelled.ts';

// The target from the grading issue: agree with a careful marker, and rarely let a wrong answer through.
const LEAST_AGREEMENT = 0.95;
const MOST_FALSE_ACCEPTS = 0.03;

// As the app does: English is loaded, and every card's answer is part of the deck's vocabulary.
await loadLanguages(['en']);
const DECK_VOCABULARY = [...new Set(LABELLED.map((entry) => entry.expected))];

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

describe('grading accuracy on the labelled back-end deck', () => {
  const results = LABELLED.map((entry) => ({
    entry,
    verdict: grade({
      expected: entry.expected,
      ...(entry.accept ? { accept: entry.accept } : {}),
      answer: entry.answer,
      vocabulary: DECK_VOCABULARY,
    }).verdict,
  }));
  const agreed = results.filter(({ entry, verdict }) => verdict === entry.label).length;
  const wrongs = results.filter(({ entry }) => entry.label === 'wrong');
  const falseAccepts = wrongs.filter(({ verdict }) => verdict !== 'wrong');
  const agreement = agreed / results.length;
  const falseAcceptRate = falseAccepts.length / wrongs.length;

  const mismatches = results
    .filter(({ entry, verdict }) => verdict !== entry.label)
    .map(
      ({ entry, verdict }) =>
        `  ${entry.label.padEnd(7)} → ${verdict.padEnd(7)} "${short(entry.answer)}" for "${entry.expected}"${entry.why ? ` (${entry.why})` : ''}`,
    );
  console.log(
    [
      `agreement ${(agreement * 100).toFixed(1)}% (${agreed}/${results.length}), ` +
        `false accepts ${(falseAcceptRate * 100).toFixed(1)}% (${falseAccepts.length}/${wrongs.length})`,
      'label   → verdict:',
      ...mismatches,
    ].join('\n'),
  );

  it('GIVEN at least 300 labelled answers THEN the set is large enough to measure', () => {
    expect(results.length).toBeGreaterThanOrEqual(300);
  });

  it(`GIVEN the labelled answers THEN the grader agrees with the label on at least ${LEAST_AGREEMENT * 100}%`, () => {
    expect(agreement).toBeGreaterThanOrEqual(LEAST_AGREEMENT);
  });

  it(`GIVEN the wrong-labelled answers THEN at most ${MOST_FALSE_ACCEPTS * 100}% are accepted`, () => {
    expect(falseAcceptRate).toBeLessThanOrEqual(MOST_FALSE_ACCEPTS);
  });
});
