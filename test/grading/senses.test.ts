import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(['en']);

// Issue #16, task g9: which of a word's WordNet senses a card means, read from its question.
describe('the sense a question points to', () => {
  it('GIVEN a question that describes one sense THEN the words of the commonest other senses are wrong', () => {
    const motion = { question: 'What is the resistance of a body to changes in its motion called?' };
    expect(verdictOf('inertia', 'inactivity', motion)).toBe('wrong');
    const smithy = { question: 'What is the heavy iron block on which a blacksmith hammers metal?' };
    expect(verdictOf('anvil', 'incus', smithy)).toBe('wrong');
    const belief = { question: 'What is a fixed false belief held despite clear evidence against it?' };
    expect(verdictOf('delusion', 'hallucination', belief)).toBe('wrong');
    expect(verdictOf('delusion', 'psychotic belief', belief)).toBe('correct');
  });

  it('GIVEN a question that asks for the noun of a word mostly used as a verb THEN the noun’s synonyms are correct', () => {
    const police = { question: 'What is an informal word for a police officer?' };
    expect(verdictOf('cop', 'copper', police)).toBe('correct');
    expect(verdictOf('cop', 'fuzz', police)).toBe('correct');
    expect(verdictOf('cop', 'sheriff', police)).toBe('wrong');
  });

  it('GIVEN a word mostly a noun whose adjective the question describes THEN the adjective’s sisters are wrong', () => {
    const colour = { question: 'What colour do you get by mixing black and white?' };
    expect(verdictOf('grey', 'gray', colour)).toBe('correct');
    expect(verdictOf('grey', 'ebony', colour)).toBe('wrong');
    expect(verdictOf('grey', 'jet', colour)).toBe('wrong');
  });

  it('GIVEN what the answer is a kind of THEN it is wrong, though a sense of an adjective names both', () => {
    const middle = { question: 'What is the middle value of an ordered data set called?' };
    expect(verdictOf('median', 'average', middle)).toBe('wrong');
    expect(verdictOf('median', 'mean', middle)).toBe('wrong');
    expect(verdictOf('median', 'median value', middle)).toBe('correct');
  });
});

describe('nouns one step from the answer in WordNet', () => {
  it('GIVEN a kind of the answer, or the word of a sense the question does not describe THEN it is wrong', () => {
    const support = { question: 'What is an upright cylindrical support for a roof or beam called?' };
    expect(verdictOf('column', 'pilaster', support)).toBe('wrong');
    const roof = { question: 'What is a rounded roof shaped like half a sphere called?' };
    expect(verdictOf('dome', 'onion dome', roof)).toBe('wrong');
    expect(verdictOf('dome', 'noggin', roof)).toBe('wrong');
  });

  it('GIVEN what the answer is a kind of, defined alike THEN it is correct; a broader kind is not', () => {
    const young = { question: 'What is a young dog called?' };
    expect(verdictOf('puppy', 'whelp', young)).toBe('correct');
    expect(verdictOf('puppy', 'dog', young)).toBe('wrong');
    const orca = { question: 'What is the largest member of the dolphin family?' };
    expect(verdictOf('killer whale', 'whale', orca)).toBe('wrong');
  });
});

describe('a noun of two words said the other way round', () => {
  it('GIVEN "Y of Xs" for "X Y", or "X Y" for "Y of Xs" THEN it is correct; a name is not turned round', () => {
    const crops = { question: 'What is growing different crops in turn on the same land called?' };
    expect(verdictOf('crop rotation', 'rotation of crops', crops)).toBe('correct');
    expect(verdictOf('rotation of crops', 'crop rotation', crops)).toBe('correct');
    expect(verdictOf('crop rotation', 'rotation of soil', crops)).toBe('wrong');
    expect(
      verdictOf('Charles Darwin', 'Darwin of Charles', { question: 'Who wrote On the Origin of Species?' }),
    ).toBe('wrong');
  });
});

describe('the question’s words as the answer’s definition says them', () => {
  it('GIVEN the definition in the words of a term THEN it is correct; words copied from the question are not', () => {
    const positive = { question: 'What is a positively charged ion called?' };
    expect(verdictOf('cation', 'positive ion', positive)).toBe('correct');
    expect(verdictOf('cation', 'charged ion', positive)).toBe('wrong');
    expect(verdictOf('cation', 'negative ion', positive)).toBe('wrong');
    const negative = { question: 'What is a negatively charged ion called?' };
    expect(verdictOf('anion', 'negative ion', negative)).toBe('correct');
  });
});

describe('a synonym in the question’s words', () => {
  it('GIVEN a synonym WordNet lists, in the question’s words reordered THEN it is correct; a run copied is not', () => {
    const foot = { question: 'What is a soldier who fights on foot called?' };
    expect(verdictOf('infantryman', 'foot soldier', foot)).toBe('correct');
    expect(verdictOf('infantryman', 'soldier', foot)).toBe('wrong');
    const medical = { question: 'What is the medical term for high blood pressure?' };
    expect(verdictOf('hypertension', 'high blood pressure', medical)).toBe('wrong');
  });
});
