import { describe, expect, it } from 'vitest';
import { grade } from '../../src/core/grading/grade.ts';

// The grader keeps what it read of each card; an edit to the card must be graded as edited at once.
describe('a card read once, graded as it is now', () => {
  const vocabulary = ['Paris', 'Lyon', 'Marseille'];
  const card = { question: 'Which city hosts the Louvre?', vocabulary, lang: 'en' };

  it('GIVEN a card graded, then its answer edited THEN the old answer is wrong and the new one right', () => {
    expect(grade({ ...card, expected: 'Paris', answer: 'Paris' }).verdict).toBe('correct');
    expect(grade({ ...card, expected: 'Lyon', answer: 'Paris' }).verdict).toBe('wrong');
    expect(grade({ ...card, expected: 'Lyon', answer: 'Lyon' }).verdict).toBe('correct');
  });

  it('GIVEN a card graded, then an alias added THEN the alias is right', () => {
    expect(grade({ ...card, expected: 'Paris', answer: 'City of Light' }).verdict).toBe('wrong');
    expect(
      grade({ ...card, expected: 'Paris', accept: ['City of Light'], answer: 'City of Light' }).verdict,
    ).toBe('correct');
  });

  it('GIVEN a card graded, then its question edited to ask for a unit THEN a bare number counts in it', () => {
    const bits = { vocabulary, lang: 'en', expected: '32' };
    expect(grade({ ...bits, question: 'How many bytes?', answer: '32 bits' }).verdict).not.toBe('correct');
    expect(grade({ ...bits, question: 'How many bits?', answer: '32 bits' }).verdict).toBe('correct');
  });
});
