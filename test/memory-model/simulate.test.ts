import { PassThrough } from 'node:stream';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCommand } from '../../src/cli/simulate.ts';
import { newMemory } from '../../src/core/scheduling/memory.ts';
import { DEFAULT_SETTINGS } from '../../src/core/scheduling/settings.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { reviews, tenants, users } from '../../src/db/schema.ts';
import { dropSimulations, storeSimulatedPeople } from '../../src/db/simulation-store.ts';
import { fsrsBindingFitter } from '../../src/memory-model/fsrs-binding.ts';
import { type SimulationReport, simulate } from '../../src/simulator/simulate.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
  const cards = Array.from({ length: 12 }, (_, i) => typedCard(`sim-${i}`, `answer${i}`));
  await syncDecks(db.db, [deckOf('sim-deck', cards)]);
  // Someone real, whom dropping the simulations must leave alone.
  await new PgQuizStore(db).ensureLearner({ platform: 'discord', externalId: '42' });
});
afterAll(() => db.dispose());

async function run(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = (argv[i] ?? '').slice(2);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) flags[name] = true;
    else [flags[name], i] = [value, i + 1];
  }
  const code = await simulateCommand(db, flags, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: String(stdout.read() ?? ''), stderr: String(stderr.read() ?? '') };
}

const count = async (table: typeof users | typeof reviews, where: ReturnType<typeof eq>) =>
  (await db.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n;

describe('mnemo simulate', () => {
  it('GIVEN learners and days THEN they study through the real quiz under sim:<seed>, and the report adds up', async () => {
    const { code, stdout } = await run(
      '--learners',
      '3',
      '--days',
      '6',
      '--deck',
      'sim-deck',
      '--seed',
      '5',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as SimulationReport;
    expect(report).toMatchObject({ learners: 3, days: 6, deck: 'sim-deck', seed: 5, retention: 0.9 });
    expect(report.reviews_per_day).toHaveLength(6);
    // Day one: 12 new cards each, each shown again at least once by its learning steps.
    expect(report.reviews_per_day[0]).toBeGreaterThanOrEqual(3 * 24);
    expect(report.reviews_per_day[0]).toBeLessThan(3 * 100);
    expect(report.reviews).toBe(report.reviews_per_day.reduce((a, b) => a + b, 0));
    expect(await count(reviews, eq(reviews.tenantId, 'sim:5'))).toBe(report.reviews);
    expect(await count(users, like(users.externalId, '5:%'))).toBe(3);
    expect(report.true_retention).toBeGreaterThan(0.5);
    expect(report.true_retention).toBeLessThanOrEqual(1);
    expect(report.minutes_per_day).toBeGreaterThan(0);
    expect(report.misgraded).toBe(0);
    // Six days are too few repeat reviews to fit anyone.
    expect(report.people).toEqual([]);
  }, 120_000);

  it('GIVEN a seed already simulated THEN it refuses; --drop removes every simulation and nothing else', async () => {
    const again = await run('--learners', '1', '--days', '1', '--deck', 'sim-deck', '--seed', '5');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a simulation with seed 5 is stored');
    const dropped = await run('--drop');
    expect(dropped).toMatchObject({ code: 0, stdout: 'Removed 3 simulated people and their reviews.\n' });
    expect(await count(users, eq(users.platform, 'sim'))).toBe(0);
    expect(await count(reviews, like(reviews.tenantId, 'sim:%'))).toBe(0);
    expect(await db.db.select().from(tenants).where(like(tenants.id, 'sim:%'))).toEqual([]);
    expect(await count(users, eq(users.externalId, '42'))).toBe(1);
  });

  it('GIVEN bad options THEN each is named, and nothing is simulated', async () => {
    expect((await run('--learners', '0', '--days', '1', '--deck', 'sim-deck')).stderr).toContain(
      '--learners must be a whole number from 1 to 1000',
    );
    expect((await run('--learners', '1', '--deck', 'sim-deck')).stderr).toContain('--days is required');
    expect((await run('--learners', '1', '--days', '1', '--deck', 'nope')).stderr).toContain(
      'there is no deck "nope"',
    );
    expect(
      (await run('--learners', '1', '--days', '1', '--deck', 'sim-deck', '--retention', '0.5')).stderr,
    ).toContain('--retention must be a number from 0.7 to 0.99');
    expect((await run('--drop', '--days', '3')).stderr).toContain('--drop takes no --days');
    expect(await count(users, eq(users.platform, 'sim'))).toBe(0);
  });

  it('GIVEN learners in two batches on two worker threads THEN the run is the one studied in this thread, review for review', async () => {
    const options = { learners: 12, days: 4, deckId: 'sim-deck', seed: 9, retention: 0.9 };
    const inThread = await simulate(db, { ...options, threads: 1 }, fsrsBindingFitter);
    await dropSimulations(db.db);
    const inWorkers = await simulate(db, { ...options, threads: 2 }, fsrsBindingFitter);
    const { seconds: _a, ...one } = inThread;
    const { seconds: _b, ...other } = inWorkers;
    expect(other).toEqual(one);
    expect(one.reviews).toBeGreaterThan(12 * 24);
    expect(await count(reviews, eq(reviews.tenantId, 'sim:9'))).toBe(one.reviews);
    await dropSimulations(db.db);
  }, 240_000);

  it('GIVEN a simulated state of a card the database does not hold THEN the write is refused and nothing is stored', async () => {
    const person = { platform: 'sim', externalId: '404:1' };
    const learner = { userId: 1, weights: null, ...DEFAULT_SETTINGS, language: null, person };
    const write = (cardId: string) =>
      storeSimulatedPeople(db, {
        place: { tenantId: 'sim:404', platform: 'sim', name: 'simulation' },
        learners: [learner],
        states: [{ userId: 1, cardId, state: newMemory(new Date(Date.UTC(2026, 0, 5))) }],
        reviews: [],
      });
    await expect(write('no-such-card')).rejects.toThrow(/not stored/);
    expect(await count(users, eq(users.externalId, '404:1'))).toBe(0);
    await write('sim-0');
    expect(await count(users, eq(users.externalId, '404:1'))).toBe(1);
    await dropSimulations(db.db);
  });
});
