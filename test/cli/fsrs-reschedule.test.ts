import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescheduleCommand } from '../../src/cli/fsrs.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, deckOf, MINUTE, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;
const ANN = { platform: 'discord', externalId: '123456789012345678' };
const BOB = { platform: 'slack', externalId: 'T0123:U0456' };
const clock = new TestClock('2026-03-02T09:00:00Z');

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [deckOf('words', [typedCard('one', 'alpha'), typedCard('two', 'beta')])]);
  const quiz = new Quiz({ store: new PgQuizStore(db), clock, newId: sequentialIds() });
  const place = { tenantId: 'console', platform: 'console' };
  // Ann and Bob answer every card due, right, for ten days.
  for (let day = 0; day < 10; day++) {
    for (const person of [ANN, BOB])
      for (;;) {
        const next = await quiz.next(place, person);
        if (!next.ok) break;
        await quiz.answer(next.prompt.id, person, { kind: 'typed', text: next.prompt.card.answer });
        clock.advance(MINUTE);
      }
    clock.advance(DAY);
  }
  await quiz.changeSettings(ANN, { desiredRetention: 0.8 });
});
afterAll(() => db.dispose());

async function reschedule(flags: { person?: string; json: boolean }) {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const code = await rescheduleCommand(db, clock, flags, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: String(stdout.read() ?? ''), stderr: String(stderr.read() ?? '') };
}

describe('mnemo fsrs reschedule', () => {
  it('GIVEN Ann lowered her desired retention THEN --person replays her log: both cards move, and a second run moves none', async () => {
    const first = await reschedule({ person: 'discord:123456789012345678', json: true });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      people: [{ person: 'discord:123456789012345678', cards: 2, moved: 2, kept: 0, fitted: false }],
    });
    const again = await reschedule({ person: 'discord:123456789012345678', json: true });
    expect(JSON.parse(again.stdout).people[0]).toMatchObject({ cards: 2, moved: 0 });
  });

  it('GIVEN no --person THEN everyone with a review is replayed, in words without --json; Bob, unchanged, moves nothing', async () => {
    const all = await reschedule({ json: false });
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(all.stdout.split('\n')).toEqual([
      "discord:123456789012345678: 2 cards replayed from the review log with FSRS-6's default weights, 0 with a new due date.",
      "slack:T0123:U0456: 2 cards replayed from the review log with FSRS-6's default weights, 0 with a new due date.",
      '',
    ]);
  });

  it('GIVEN a malformed or unknown person THEN it says so and changes nothing', async () => {
    expect(await reschedule({ person: 'discord:ann', json: true })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('--person "discord:ann" is not a person id'),
    });
    expect(await reschedule({ person: 'discord:999999999999999999', json: true })).toMatchObject({
      code: 1,
      stderr: 'mnemo fsrs reschedule: there is no person discord:999999999999999999. Nothing was changed.\n',
    });
  });
});
