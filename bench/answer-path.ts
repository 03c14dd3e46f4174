import { basename } from 'node:path';
import type { Quiz } from '../src/core/quiz/quiz.ts';
import type { RawSql } from '../src/db/raw-sql.ts';
import {
  type Answer,
  answerOf,
  floorRun,
  loadDeck,
  mnemoRun,
  PLACE,
  PROMPT_CONCURRENCY,
  seedAnswerData,
} from './answer-workload.ts';
import { benchBot } from './bot.ts';
import { buildDist, idleBotMemory, pgliteBotMemory } from './bot-idle.ts';
import { botProcessMemory } from './bot-memory.ts';
import { systemClock } from './clock.ts';
import type { BenchDatabase } from './database.ts';
import { BENCH_DECK_PATH, deckText } from './deck.ts';
import { megabytes, percentile, perSecond } from './load.ts';
import { CONCURRENCY, type Sizes } from './options.ts';
import { type Result, result } from './report.ts';
import { seedLearners, seedStates } from './seed-learners.ts';

const BOT_POOL_SIZE = 10; // the bot's default DATABASE_POOL_SIZE
const SPREAD = 7_919; // a prime: answer i of the memory batch goes to a different learner for each i

/**
 * 2,000 learners × 50 cards, then 20,000 typed answers at concurrency 1 and 16 through Quiz.answer
 * (prompt lock → grade → FSRS → state update → review log), each followed by the floor on the same
 * shape of data. Each run answers cards of its own, all due. Then RSS with 100,000 learners stored.
 */
export async function answerPathSuite(db: BenchDatabase, sizes: Sizes, log: (line: string) => void) {
  const { raw } = db;
  const cards = await loadDeck(db, sizes);
  const perRun = sizes.answers / sizes.answerUsers;
  const runs = CONCURRENCY.length * 2;
  if (!Number.isInteger(perRun) || perRun * runs > cards.length) {
    throw new Error(`${runs} runs of ${sizes.answers} answers need ${runs * perRun} cards per learner`);
  }
  log(`answer path: seeding ${sizes.answerUsers} learners × ${cards.length} card states`);
  const ids = await seedAnswerData(raw, sizes.answerUsers, cards);
  const { quiz } = await benchBot(db.connection, systemClock);

  // Run r answers cards r·perRun … (r+1)·perRun−1 of every learner, one learner after another.
  const answersOfRun = (run: number) =>
    Array.from({ length: sizes.answers }, (_, i) =>
      answerOf(1 + (i % sizes.answerUsers), run * perRun + Math.floor(i / sizes.answerUsers), cards),
    );
  const results: Result[] = [];
  let run = 0;
  for (const concurrency of CONCURRENCY) {
    log(`answer path: Mnemo, ${sizes.answers} answers at concurrency ${concurrency}`);
    const mnemo = await mnemoRun(quiz, answersOfRun(run++), concurrency);
    log(`answer path: the floor, ${sizes.answers} answers at concurrency ${concurrency}`);
    const floor = await floorRun(raw, answersOfRun(run++), concurrency, ids);
    const name = `answer_path_c${concurrency}`;
    results.push(
      result(`${name}_throughput`, perSecond(mnemo.answers.count, mnemo.answers.elapsedMs), 'answers/s', {
        baseline: perSecond(floor.count, floor.elapsedMs),
        better: 'higher',
      }),
      result(`${name}_p50`, percentile(mnemo.answers.latenciesMs, 50), 'ms', {
        baseline: percentile(floor.latenciesMs, 50),
        better: 'lower',
      }),
      result(`${name}_p99`, percentile(mnemo.answers.latenciesMs, 99), 'ms', {
        baseline: percentile(floor.latenciesMs, 99),
        better: 'lower',
      }),
      result(`${name}_rss_peak`, megabytes(mnemo.answers.peakRssBytes), 'MB'),
    );
    if (concurrency === PROMPT_CONCURRENCY) {
      results.push(
        result(
          'answer_path_prompt_c16_throughput',
          perSecond(mnemo.prompts.count, mnemo.prompts.elapsedMs),
          'prompts/s',
        ),
        result('answer_path_prompt_c16_p99', percentile(mnemo.prompts.latenciesMs, 99), 'ms'),
      );
    }
  }

  const extra = sizes.memoryUsers - sizes.answerUsers;
  const held = cards.slice(0, sizes.statesPerMemoryUser);
  log(`answer path: ${extra} more learners × ${held.length} card states, then RSS`);
  await seedLearners(raw, sizes.answerUsers + 1, sizes.memoryUsers);
  await seedStates(raw, {
    first: sizes.answerUsers + 1,
    last: sizes.memoryUsers,
    cardIds: held,
    now: new Date(),
  });
  await vacuum(raw);
  const late = Array.from({ length: sizes.memoryAnswers }, (_, i) =>
    answerOf(sizes.answerUsers + 1 + ((i * SPREAD) % extra), i % held.length, held),
  );
  const [stored] = await raw.query<{ users: number; states: number }>(
    'select (select count(*) from users)::int as users, (select count(*) from card_states)::int as states',
  );
  results.push(
    result('answer_path_users_in_db', stored?.users ?? 0, 'users'),
    result('answer_path_card_states_in_db', stored?.states ?? 0, 'rows'),
    ...(await botMemory(db, quiz, late, sizes.deckCards)),
  );
  return results;
}

/**
 * The bot's RSS after a batch of answers. On PostgreSQL a process of its own answers them, holding
 * only Mnemo's connection; PGlite lives inside the process that opened it, so there it is this one.
 * On PGlite, also the bot itself (`npm start`, no DATABASE_URL) on its own data folder with the bundled
 * decks: once started fresh (`_first`) and once restarted on the same folder.
 * On PostgreSQL, also the RSS of the bot itself (`mnemo start`) once it serves: as `npm start` runs it
 * (tsx) and as the image runs it (compiled; this builds dist/).
 */
async function botMemory(
  db: BenchDatabase,
  quiz: Quiz,
  answers: readonly Answer[],
  deckCards: number,
): Promise<Result[]> {
  if (db.url === null) {
    await mnemoRun(quiz, answers, PROMPT_CONCURRENCY);
    const memory = process.memoryUsage();
    const bot = await pgliteBotMemory('tsx');
    return [
      result('answer_path_rss', megabytes(memory.rss), 'MB'),
      result('answer_path_heap_used', megabytes(memory.heapUsed), 'MB'),
      result('bot_start_rss_pglite', megabytes(bot.restart.rssBytes), 'MB'),
      result('bot_start_rss_pglite_peak', megabytes(bot.restart.peakRssBytes), 'MB'),
      result('bot_start_rss_pglite_first', megabytes(bot.first.rssBytes), 'MB'),
      result('bot_start_rss_pglite_first_peak', megabytes(bot.first.peakRssBytes), 'MB'),
    ];
  }
  const memory = await botProcessMemory(db.url, {
    place: PLACE,
    concurrency: PROMPT_CONCURRENCY,
    poolSize: BOT_POOL_SIZE,
    answers: answers.map(({ person, cardId, text }) => ({ person, cardId, text })),
  });
  const deck = { file: basename(BENCH_DECK_PATH), text: deckText(deckCards) };
  const started = await idleBotMemory({ url: db.url }, deck, 'tsx');
  await buildDist();
  const compiled = await idleBotMemory({ url: db.url }, deck, 'compiled');
  return [
    result('answer_path_rss', megabytes(memory.rssBytes), 'MB'),
    result('answer_path_rss_peak', megabytes(memory.peakRssBytes), 'MB'),
    result('answer_path_heap_used', megabytes(memory.heapUsedBytes), 'MB'),
    result('bot_start_rss', megabytes(started.rssBytes), 'MB'),
    result('bot_start_rss_peak', megabytes(started.peakRssBytes), 'MB'),
    result('bot_start_rss_compiled', megabytes(compiled.rssBytes), 'MB'),
    result('bot_start_rss_compiled_peak', megabytes(compiled.peakRssBytes), 'MB'),
  ];
}

async function vacuum(raw: RawSql): Promise<void> {
  for (const table of ['users', 'card_states']) await raw.exec(`vacuum analyze ${table}`);
}
