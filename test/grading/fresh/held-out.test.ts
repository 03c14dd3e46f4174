import { describe, expect, it } from 'vitest';
import { FRESH_HELD_OUT } from './held-out.ts';

// Only the SHAPE of the fresh held-out set (issue #16) is checked here: nothing is graded, so nobody tunes the
// grader against it; the set is measured once, at the end.
const LABELS = new Set(['correct', 'close', 'wrong']);
const KINDS = new Set([
  'exact',
  'variant',
  'article',
  'accent',
  'spacing',
  'context',
  'partial-ok',
  'synonym',
  'abbreviation',
  'spelling',
  'symbol',
  'name',
  'date',
  'number',
  'scientific',
  'unit',
  'formula',
  'flags',
  'list',
  'typo',
  'near-word',
  'sign',
  'echo',
  'partial',
  'hedge',
  'wrong',
]);
const cases = FRESH_HELD_OUT.flatMap((card) => card.cases.map((one) => ({ card, one })));
const shareOf = (lang: string) => cases.filter(({ card }) => card.lang === lang).length / cases.length;

describe('the fresh held-out labelled set', () => {
  it('GIVEN the set THEN it has at least 700 answers on at least 110 cards, 5 to 8 answers each', () => {
    expect(cases.length).toBeGreaterThanOrEqual(700);
    expect(FRESH_HELD_OUT.length).toBeGreaterThanOrEqual(110);
    for (const card of FRESH_HELD_OUT) {
      expect(card.cases.length, card.question).toBeGreaterThanOrEqual(5);
      expect(card.cases.length, card.question).toBeLessThanOrEqual(8);
    }
  });

  it('GIVEN the set THEN it spans at least 25 domains', () => {
    expect(new Set(FRESH_HELD_OUT.map((card) => card.domain)).size).toBeGreaterThanOrEqual(25);
  });

  it('GIVEN the set THEN English is at least 55% and Spanish, French and German at least 10% each', () => {
    expect(new Set(FRESH_HELD_OUT.map((card) => card.lang))).toEqual(new Set(['en', 'es', 'fr', 'de']));
    expect(shareOf('en')).toBeGreaterThanOrEqual(0.55);
    for (const lang of ['es', 'fr', 'de']) expect(shareOf(lang), lang).toBeGreaterThanOrEqual(0.1);
  });

  it('GIVEN the set THEN no question appears twice and no answer appears twice on one card', () => {
    const questions = FRESH_HELD_OUT.map((card) => card.question);
    expect(new Set(questions).size).toBe(questions.length);
    for (const card of FRESH_HELD_OUT) {
      const answers = card.cases.map(([answer]) => answer);
      expect(new Set(answers).size, card.question).toBe(answers.length);
    }
  });

  it('GIVEN each answer THEN its label and kind are valid and the expected answer itself is labelled correct', () => {
    for (const { card, one } of cases) {
      const [answer, label, kind] = one;
      expect(LABELS.has(label), `${answer}: ${label}`).toBe(true);
      expect(KINDS.has(kind), `${answer}: ${kind}`).toBe(true);
      if (answer === card.expected) expect(label, answer).toBe('correct');
    }
  });

  it('GIVEN the labels THEN the mix is roughly half correct, a sixth close and a third wrong', () => {
    const share = (label: string) => cases.filter(({ one }) => one[1] === label).length / cases.length;
    expect(share('correct')).toBeGreaterThan(0.4);
    expect(share('correct')).toBeLessThan(0.6);
    expect(share('close')).toBeGreaterThan(0.1);
    expect(share('close')).toBeLessThan(0.25);
    expect(share('wrong')).toBeGreaterThan(0.25);
    expect(share('wrong')).toBeLessThan(0.42);
  });

  it('GIVEN the synonyms THEN at least 60 are teacher-accepted (correct) and some related non-synonyms are wrong', () => {
    expect(
      cases.filter(({ one }) => one[2] === 'synonym' && one[1] === 'correct').length,
    ).toBeGreaterThanOrEqual(60);
    expect(
      cases.filter(({ one }) => one[2] === 'near-word' && one[1] === 'wrong').length,
    ).toBeGreaterThanOrEqual(30);
  });
});
