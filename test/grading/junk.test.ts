import { describe, expect, it } from 'vitest';
import { grade } from '../../src/core/grading/grade.ts';
import { verdictOf } from './verdict-of.ts';

describe('non-answers are wrong', () => {
  it.each([
    '',
    ' ',
    '     ',
    '?',
    '???',
    '...',
    '-',
    'idk',
    'IDK',
    "I don't know",
    'i dont know',
    'no idea',
    'dunno',
    'not sure',
    'idk, maybe container',
  ])('GIVEN the answer %j THEN wrong', (answer) => {
    expect(verdictOf('container', answer)).toBe('wrong');
  });

  it('GIVEN a 10,000-character answer THEN wrong, and Again even when fast', () => {
    expect(grade({ expected: 'container', answer: 'x'.repeat(10_000), ms: 500 })).toEqual({
      verdict: 'wrong',
      rating: 1,
    });
  });

  it('GIVEN the right word repeated past four times the answer plus 40 characters THEN wrong', () => {
    expect(verdictOf('container', 'container '.repeat(8))).toBe('wrong');
  });

  it('GIVEN the right word repeated within the length cap THEN wrong, as repeating is not answering', () => {
    expect(verdictOf('container', 'container container container')).toBe('wrong');
  });

  it('GIVEN a card whose answer is a non-answer word THEN typing it is still correct', () => {
    expect(verdictOf('None', 'none')).toBe('correct');
  });
});
