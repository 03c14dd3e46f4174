import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { QuizStore } from '../../src/core/quiz/ports.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import type { Database } from '../../src/db/client.ts';
import { DrizzleQuizStore } from '../../src/db/quiz-store.ts';
import * as schema from '../../src/db/schema.ts';
import {
  answerOf,
  floorRun,
  loadDeck,
  mnemoRun,
  PLACE,
  PROMPT_CONCURRENCY,
  seedAnswerData,
} from '../answer-workload.ts';
import { botProcessMemory } from '../bot-memory.ts';
import { systemClock } from '../clock.ts';
import type { BenchDatabase } from '../database.ts';
import { megabytes, percentile, perSecond } from '../load.ts';
import { sizesFor } from '../options.ts';
import { LeanQuizStore } from './lean-quiz-store.ts';
import { preparedClient } from './prepared-client.ts';
import { log, type Row } from './rows.ts';

const ANSWERS_PER_LEARNER = 2; // per run: 8 runs share the 50 cards of each learner

/**
 * The answer path as shipped, with prepared statements, and with prepared statements and two statements
 * per answer, at concurrency 1 and 16, beside the floor; then the bot process's RSS with and without PGlite.
 */
export async function answerExperiment(
  db: BenchDatabase,
  learners: number,
  deckCards: number,
  cardsPerUser: number,
) {
  const sizes = { ...sizesFor(false), deckCards, cardsPerUser };
  const cards = await loadDeck(db, sizes);
  const ids = await seedAnswerData(db.raw, learners, cards);
  const client = postgres(db.url ?? '', { max: 20, onnotice: () => {} });
  const prepared = drizzle(preparedClient(client), { schema }) as unknown as Database;
  const variants: [string, QuizStore][] = [
    ['shipped', new DrizzleQuizStore(db.connection.db)],
    ['prepared statements', new DrizzleQuizStore(prepared)],
    ['prepared, 2 statements per answer', new LeanQuizStore(prepared)],
  ];
  const count = learners * ANSWERS_PER_LEARNER;
  let slot = 0;
  const answers = () => {
    const first = slot;
    slot += ANSWERS_PER_LEARNER;
    return Array.from({ length: count }, (_, i) =>
      answerOf(1 + (i % learners), first + Math.floor(i / learners), cards),
    );
  };
  const rows: Row[] = [];
  try {
    for (const concurrency of [1, 16]) {
      const experiment = `answer path, ${count} answers at concurrency ${concurrency}`;
      const measured: { variant: string; rate: number; p50: number; p99: number }[] = [];
      for (const [variant, store] of variants) {
        log(`${experiment}: ${variant}`);
        const quiz = new Quiz({ store, clock: systemClock, newId: randomUUID });
        const { answers: run } = await mnemoRun(quiz, answers(), concurrency);
        measured.push({
          variant,
          rate: perSecond(run.count, run.elapsedMs),
          p50: percentile(run.latenciesMs, 50),
          p99: percentile(run.latenciesMs, 99),
        });
      }
      log(`${experiment}: the floor`);
      const floor = await floorRun(db.raw, answers(), concurrency, ids);
      const floorRate = perSecond(floor.count, floor.elapsedMs);
      for (const m of measured) {
        rows.push(
          {
            experiment,
            variant: m.variant,
            value: m.rate,
            unit: 'answers/s',
            floor: floorRate,
            better: 'higher',
          },
          {
            experiment,
            variant: `${m.variant}: p50`,
            value: m.p50,
            unit: 'ms',
            floor: percentile(floor.latenciesMs, 50),
            better: 'lower',
          },
          {
            experiment,
            variant: `${m.variant}: p99`,
            value: m.p99,
            unit: 'ms',
            floor: percentile(floor.latenciesMs, 99),
            better: 'lower',
          },
        );
      }
    }
  } finally {
    await client.end({ timeout: 5 });
  }
  const memory = `bot process RSS after ${learners} answers (tsx, pool of 10)`;
  for (const mode of ['shipped', 'postgres-only'] as const) {
    log(`${memory}: ${mode}`);
    const batch = answers().slice(0, learners);
    const used = await botProcessMemory(
      db.url ?? '',
      {
        place: PLACE,
        concurrency: PROMPT_CONCURRENCY,
        poolSize: 10,
        answers: batch.map(({ person, cardId, text }) => ({ person, cardId, text })),
      },
      mode,
    );
    const variant = mode === 'shipped' ? 'shipped (client.ts loads PGlite)' : 'PGlite not loaded';
    rows.push({ experiment: memory, variant, value: megabytes(used.rssBytes), unit: 'MB' });
  }
  return rows;
}
