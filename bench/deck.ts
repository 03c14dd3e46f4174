import { LABELLED } from '../test/grading/labelled.ts';

export const BENCH_DECK_ID = 'bench';
export const BENCH_DECK_PATH = 'cards/bench.md';

/** A typed card's answer with the answers people gave to it in the labelled set. */
export interface TypedAnswers {
  expected: string;
  accept: readonly string[];
  /** Right, close and wrong answers, as labelled. */
  answers: readonly string[];
}

const TYPICAL_LENGTH = 200; // characters: longer labelled answers are floods, not typical

/** The labelled set grouped by card: the typed cards of the generated deck take their answers from it. */
export const TYPED_ANSWERS: readonly TypedAnswers[] = (() => {
  const byCard = new Map<string, { expected: string; accept: readonly string[]; answers: string[] }>();
  for (const labelled of LABELLED) {
    if (labelled.answer.length > TYPICAL_LENGTH) continue;
    const accept = labelled.accept ?? [];
    const key = `${labelled.expected}\u0000${accept.join('\u0000')}`;
    const card = byCard.get(key) ?? { expected: labelled.expected, accept, answers: [] };
    card.answers.push(labelled.answer);
    byCard.set(key, card);
  }
  return [...byCard.values()];
})();

const EDITED_EVERY = 100; // one card in a hundred: 1 %

/** The id of the n-th card of the generated deck. */
export const cardId = (n: number): string => `bench-${n.toString().padStart(6, '0')}`;

/** Card n is typed for n % 10 < 7, multiple choice for 7 and 8, self-graded for 9. */
export function kindOf(n: number): 'typed' | 'choice' | 'self' {
  const slot = n % 10;
  return slot < 7 ? 'typed' : slot < 9 ? 'choice' : 'self';
}

/** The labelled card a typed card n takes its answer from. */
export function typedAnswersOf(n: number): TypedAnswers {
  const card = TYPED_ANSWERS[n % TYPED_ANSWERS.length];
  if (!card) throw new Error('the labelled set is empty');
  return card;
}

/**
 * A deck file of `size` cards shaped like the bundled decks: 70 % typed, 20 % multiple choice, 10 %
 * self-graded. Revision r > 0 edits the question of every hundredth card.
 */
export function deckText(size: number, revision = 0): string {
  const parts = [
    '---',
    `id: ${BENCH_DECK_ID}`,
    `title: Generated deck of ${size} cards`,
    'description: Made by the benchmark.',
    'tags: [bench]',
    '---',
    '',
    'Cards for measuring deck sync and the answer path.',
    '',
  ];
  for (let n = 0; n < size; n++) {
    const edited = revision > 0 && n % EDITED_EVERY === 0 ? ` (revision ${revision})` : '';
    parts.push(`## ${cardId(n)}`, `Q: Question ${n} of the generated deck: what is asked here?${edited}`);
    const kind = kindOf(n);
    if (kind === 'typed') {
      const { expected, accept } = typedAnswersOf(n);
      parts.push(`A: ${expected}`);
      if (accept.length > 0) parts.push(`Accept: ${accept.join(' | ')}`);
    } else if (kind === 'choice') {
      const right = n % 4;
      for (let option = 0; option < 4; option++) {
        parts.push(`- [${option === right ? 'x' : ' '}] option ${option + 1} of card ${n}`);
      }
    } else {
      parts.push(
        `Reveal: The answer to question ${n} takes a few sentences to give,`,
        '  which is why this card is self-graded.',
      );
    }
    parts.push(`Tags: topic-${n % 20}, level-${n % 3}`);
    if (n % 3 === 0) parts.push(`Note: A note that explains card ${n} a little further.`);
    parts.push('');
  }
  return parts.join('\n');
}
