import { grade } from '../src/core/grading/grade.ts';
import { LANGUAGES, loadLanguage } from '../src/languages/load.ts';
import { DEV_HALF } from '../test/grading/domains/dev-half.ts';
import { TYPED_ANSWERS } from './deck.ts';
import { percentile } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const LONG_ANSWER_CHARS = 10_000;
const RESPONSE_MS = 2_500; // ms: a quick answer, so the Easy rule is checked too
const WARM_UP_ROUNDS = 5; // passes before timing, for the JIT and the grader's caches

const MB = 1_000_000;

/** First load of a language's dictionary, synonyms and dates: ms, and the RSS it adds in MB. */
async function loadCost(lang: string): Promise<{ ms: number; mb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  await loadLanguage(lang);
  const ms = performance.now() - started;
  gc?.();
  return { ms, mb: (process.memoryUsage().rss - before) / MB };
}

/**
 * µs per grade() of the labelled answers (English loaded, as in the app), of the many-domain answers in
 * four languages, and of one 10,000-character answer; and the cost of loading each language.
 */
export async function gradingSuite(sizes: Sizes): Promise<Result[]> {
  const english = await loadCost('en');
  const others = await Promise.all(LANGUAGES.filter((lang) => lang !== 'en').map(loadCost));
  const typical = TYPED_ANSWERS.flatMap((card) =>
    card.answers.map((answer) => ({ expected: card.expected, accept: card.accept, answer, ms: RESPONSE_MS })),
  );
  timeEach(typical, WARM_UP_ROUNDS);
  const typicalUs = timeEach(typical, sizes.gradeRounds);

  const domains = DEV_HALF.flatMap((card) =>
    card.cases.map(([answer]) => ({
      expected: card.expected,
      ...(card.accept ? { accept: card.accept } : {}),
      answer,
      question: card.question,
      lang: card.lang,
      ms: RESPONSE_MS,
    })),
  );
  timeEach(domains, WARM_UP_ROUNDS);
  const domainUs = timeEach(domains, sizes.gradeRounds);

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
    result('grade_typical_p50', percentile(typicalUs, 50), 'µs'),
    result('grade_typical_p99', percentile(typicalUs, 99), 'µs'),
    result('grade_domains_p50', percentile(domainUs, 50), 'µs'),
    result('grade_domains_p99', percentile(domainUs, 99), 'µs'),
    result('languages_en_first_load', english.ms, 'ms'),
    result('languages_en_rss_growth', english.mb, 'MB'),
    result('languages_es_fr_de_it_pt_first_load_slowest', Math.max(...others.map((other) => other.ms)), 'ms'),
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
