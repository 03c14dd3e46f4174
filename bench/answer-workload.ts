import type { Grade } from 'ts-fsrs';
import { combineDecks } from '../src/core/deck/deck-set.ts';
import { parseDeck } from '../src/core/deck/parse.ts';
import { type GraderVerdict, grade } from '../src/core/grading/grade.ts';
import type { Person, Place } from '../src/core/people.ts';
import type { Quiz } from '../src/core/quiz/quiz.ts';
import { syncDecks } from '../src/db/deck-sync.ts';
import type { RawSql } from '../src/db/raw-sql.ts';
import { floorAnswer } from './answer-floor.ts';
import type { BenchDatabase } from './database.ts';
import { BENCH_DECK_PATH, cardId, deckText, kindOf, typedAnswersOf } from './deck.ts';
import { type LoadResult, runConcurrently } from './load.ts';
import type { Sizes } from './options.ts';
import { personOf, seedLearners, seedStates, userIds } from './seed-learners.ts';

export const PLACE: Place = { tenantId: 'bench:answers', platform: 'bench' };
export const PROMPT_CONCURRENCY = 16; // prompts are made before each timed run, outside it
const FLOOR_RESPONSE_MS = 4_000; // ms: what the floor logs as the response time

/** One answer to give: who, to which card, what they type, and its grade for the floor. */
export interface Answer {
  learner: number;
  person: Person;
  cardId: string;
  text: string;
  rating: Grade;
  verdict: GraderVerdict;
}

/** The generated deck in the database (restored if deck sync left it edited); its first typed cards. */
export async function loadDeck(db: BenchDatabase, sizes: Sizes): Promise<string[]> {
  const set = combineDecks([parseDeck(BENCH_DECK_PATH, deckText(sizes.deckCards))]);
  await syncDecks(db.connection.db, set.decks, set.issues);
  const typed: string[] = [];
  for (let n = 0; typed.length < sizes.cardsPerUser && n < sizes.deckCards; n++) {
    if (kindOf(n) === 'typed') typed.push(cardId(n));
  }
  return typed;
}

/** Learner `learner` answers card `slot` with one of the labelled answers to it, right or not. */
export function answerOf(learner: number, slot: number, cards: readonly string[]): Answer {
  const id = cards[slot];
  if (id === undefined) throw new Error(`no card in slot ${slot}`);
  const labelled = typedAnswersOf(Number(id.slice('bench-'.length)));
  const text = labelled.answers[(learner + slot) % labelled.answers.length] ?? labelled.expected;
  const graded = grade({ expected: labelled.expected, accept: labelled.accept, answer: text });
  return {
    learner,
    person: personOf(learner),
    cardId: id,
    text,
    rating: graded.rating,
    verdict: graded.verdict,
  };
}

/** Prompts made untimed at concurrency 16, then the answers timed at `concurrency`. */
export async function mnemoRun(
  quiz: Quiz,
  answers: readonly Answer[],
  concurrency: number,
): Promise<{ prompts: LoadResult; answers: LoadResult }> {
  const promptIds: string[] = new Array(answers.length);
  const prompts = await runConcurrently(answers.length, PROMPT_CONCURRENCY, async (i) => {
    const answer = answers[i] as Answer;
    const shown = await quiz.promptFor(PLACE, answer.person, answer.cardId);
    if (!shown.ok) throw new Error(`no prompt for ${answer.cardId}: ${shown.code}`);
    promptIds[i] = shown.prompt.id;
  });
  const answered = await runConcurrently(answers.length, concurrency, async (i) => {
    const answer = answers[i] as Answer;
    const outcome = await quiz.answer(promptIds[i] ?? '', answer.person, {
      kind: 'typed',
      text: answer.text,
    });
    if (!outcome.ok || outcome.repeated) {
      throw new Error(`answer ${i} was not stored: ${outcome.ok ? 'repeated' : outcome.code}`);
    }
  });
  return { prompts, answers: answered };
}

export function floorRun(
  raw: RawSql,
  answers: readonly Answer[],
  concurrency: number,
  ids: ReadonlyMap<number, number>,
): Promise<LoadResult> {
  return runConcurrently(answers.length, concurrency, async (i) => {
    const answer = answers[i] as Answer;
    const userId = ids.get(answer.learner);
    if (userId === undefined) throw new Error(`learner ${answer.learner} was not seeded`);
    await floorAnswer(
      raw,
      {
        tenantId: PLACE.tenantId,
        userId,
        cardId: answer.cardId,
        rating: answer.rating,
        verdict: answer.verdict,
        answer: answer.text,
        responseMs: FLOOR_RESPONSE_MS,
      },
      new Date(),
    );
  });
}

/** Learners 1…count, a due review state of each card for each, the answering tenant; returns their ids. */
export async function seedAnswerData(
  raw: RawSql,
  count: number,
  cards: readonly string[],
): Promise<Map<number, number>> {
  await raw.query('insert into tenants (id, platform) values ($1, $2) on conflict do nothing', [
    PLACE.tenantId,
    PLACE.platform,
  ]);
  await seedLearners(raw, 1, count);
  await seedStates(raw, { first: 1, last: count, cardIds: cards, now: new Date() });
  for (const table of ['users', 'card_states']) await raw.exec(`vacuum analyze ${table}`);
  return userIds(raw, 1, count);
}
