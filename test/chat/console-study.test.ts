import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_PLACE, runConsole } from '../../src/adapters/console/console.ts';
import { Community } from '../../src/core/community/community.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { PgStudyStore } from '../../src/db/study-store.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;
let quiz: Quiz;
let community: Community;
const clock = new TestClock('2026-05-04T09:00:00Z');
let people = 0;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(
    db.db,
    [
      deckOf('study', [
        typedCard('study-one', 'container', { question: 'What runs an image?' }),
        typedCard('study-two', 'hypervisor', { question: 'What runs virtual machines?' }),
      ]),
    ],
    [],
  );
  const store = new PgQuizStore(db);
  quiz = new Quiz({ store, clock, newId: randomUUID, study: new PgStudyStore(db) });
  community = new Community({ store: new PgCommunityStore(db.db), quizStore: store, clock });
});
afterAll(() => db.dispose());

/** The console's transcript for piped lines, one new person each time. */
async function transcript(lines: string[], externalId = `c${++people}`): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  input.end(`${lines.join('\n')}\n`);
  await runConsole({
    quiz,
    community,
    input,
    output,
    place: CONSOLE_PLACE,
    person: { platform: 'console', externalId },
    echo: true,
  });
  return text;
}

describe('the console study controls', () => {
  it('GIVEN /suspend after an answer THEN /settings lists the card and /unsuspend brings it back', async () => {
    const text = await transcript(['/reveal', '/suspend', '/settings', '/unsuspend study-one', '/settings']);
    expect(text).toContain('study-one is suspended');
    expect(text).toContain('1. study-one (What runs an image?)');
    expect(text).toContain('study-one is back in your reviews.');
  });

  it('GIVEN /bury after an answer THEN it is buried; GIVEN no answer yet THEN it says to answer first', async () => {
    expect(await transcript(['/suspend'])).toContain('Answer a card first');
    expect(await transcript(['/reveal', '/bury'])).toContain('study-one is buried until');
  });

  it('GIVEN /practice after reviews THEN a reviewed card comes back as practice', async () => {
    const text = await transcript(['/reveal', '/practice study', 'container']);
    expect(text).toContain('Practice: logged apart, your schedule is unchanged.');
  });
});
