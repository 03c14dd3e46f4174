import { grade } from '../src/core/grading/grade.ts';
import { TYPED_ANSWERS } from './deck.ts';
import { percentile } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const LONG_ANSWER_CHARS = 10_000;
const RESPONSE_MS = 2_500; // ms: a quick answer, so the Easy rule is checked too
const WARM_UP_ROUNDS = 5; // passes before timing, for the JIT and the grader's caches

/** µs per grade() of the labelled answers, and of one 10,000-character answer. Pure CPU: no floor. */
export function gradingSuite(sizes: Sizes): Result[] {
  const typical = TYPED_ANSWERS.flatMap((card) =>
    card.answers.map((answer) => ({ expected: card.expected, accept: card.accept, answer, ms: RESPONSE_MS })),
  );
  timeEach(typical, WARM_UP_ROUNDS);
  const typicalUs = timeEach(typical, sizes.gradeRounds);

  const long = {
    expected: 'container',
    accept: [],
    answer: 'it is a container that runs an image '.repeat(LONG_ANSWER_CHARS).slice(0, LONG_ANSWER_CHARS),
    ms: RESPONSE_MS,
  };
  const longCases = Array.from({ length: sizes.longAnswerRuns }, () => long);
  timeEach(longCases, 1);
  const longUs = timeEach(longCases, 1);

  return [
    result('grade_typical_mean', mean(typicalUs), 'µs'),
    result('grade_typical_p99', percentile(typicalUs, 99), 'µs'),
    result('grade_long_answer_10k_chars_mean', mean(longUs), 'µs'),
  ];
}

/** Grades every input `rounds` times; returns each call's µs, sorted. */
function timeEach(inputs: readonly Parameters<typeof grade>[0][], rounds: number): Float64Array {
  const us = new Float64Array(inputs.length * rounds);
  let i = 0;
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = performance.now();
      grade(input);
      us[i++] = (performance.now() - started) * 1_000;
    }
  }
  return us.sort();
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
