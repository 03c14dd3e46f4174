import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, runMnemo } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';

let dataDir: string;
let database: TestDatabase | null = null;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mnemo-console-'));
  if (ON_POSTGRES) database = await freshDatabase();
  env = {
    DATA_DIR: dataDir,
    CARDS_DIR: 'test/fixtures/cards',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
  };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.dispose();
});

describe('npm start, with no chat platform set up', () => {
  it('GIVEN piped answers THEN it asks, grades, shows stats and exits 0; a second run remembers the first', async () => {
    const first = await runMnemo([], {
      input: 'x\n/reveal\n3\n/stats\n/quit\n',
      env: { ...env, LOG_LEVEL: 'info' },
      npm: true,
    });
    expect(first.stderr).toContain('No Discord or Slack credentials are set: starting the console quiz.');
    // A first start says what takes the time, so it does not look like a hang.
    if (!ON_POSTGRES) expect(first.stderr).toContain(`Creating the database in ${dataDir}`);
    expect(first.stderr).toContain('Loading the decks of test/fixtures/cards into the database…');
    // Info logs go to the log file, not between the quiz's lines.
    expect(first.stderr).not.toContain('{"level"');
    expect(await readFile(join(dataDir, 'mnemo.log'), 'utf8')).toContain('"msg":"decks synced"');
    // Each answer is read after a `> ` prompt; piped lines are echoed, as a terminal would show them.
    expect(first.stdout).toContain('Type your answer (/reveal if you do not know).\n> x\n✗ Not quite.');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('What is a running instance of a Docker image called?');
    expect(first.stdout).toContain('✗ Not quite.');
    expect(first.stdout).toContain('Answer: container');
    // The self-graded card: /reveal shows the answer, 3 rates it Good.
    expect(first.stdout).toContain('Answer: Layers are cached and shared');
    expect(first.stdout).toContain('Rated Good');
    expect(first.stdout).toMatch(/Reviewed today: 2/);
    expect(first.stdout).toContain('Bye!');

    // The second start in process: the first run above is the spawned `npm start` this file keeps.
    const second = await runInProcess([], { input: '/stats\n/reschedule\n', env });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('Creating the database');
    expect(second.stderr).not.toContain('Loading');
    expect(second.stdout).toMatch(/Reviewed today: 2/);
    // Replayed with the settings they were scheduled with: both cards stay where they were.
    expect(second.stdout).toContain(
      "🔁 Rescheduled from your reviews with FSRS's default parameters at 90% desired retention: 0 cards of 2 got a new due date.",
    );
    // The first two cards were answered: the multiple-choice card is next.
    expect(second.stdout).toContain('Which Kubernetes component stores the cluster state?');
  }, 120_000); // ms: a run of npm start creating a database, then one in process

  it('GIVEN a multiple-choice card THEN it is answered by number', async () => {
    const run = await runInProcess(['quiz'], { input: '2\n', env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. kubelet');
    expect(run.stdout).toContain('✓ Correct.');
  });

  it('GIVEN --deck with a deck that does not exist THEN it says so and lists the decks there are', async () => {
    const run = await runMnemo(['quiz', '--deck', 'nosuch'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mnemo quiz: there is no deck "nosuch". The decks: tiny.');
    expect(run.stdout).not.toContain('Nothing to review');
  });

  it('GIVEN an unreachable database THEN start-up stops with one line naming it, without the password', async () => {
    const run = await runMnemo([], {
      env: { ...env, DATABASE_URL: 'postgres://mnemo:s3cret-pw@127.0.0.1:1/mnemo' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'mnemo: cannot reach PostgreSQL at postgres://mnemo:***@127.0.0.1:1/mnemo: connect ECONNREFUSED 127.0.0.1:1',
    ]);
  });

  it('GIVEN a bad setting THEN start-up stops with one line naming the variable', async () => {
    const run = await runInProcess([], { env: { ...env, LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('LOG_LEVEL');
  });
});

/** Runs `use` with a migrated data directory (and on PostgreSQL a database) of its own, removed afterwards. */
async function withOwnData(use: (env: Record<string, string>) => Promise<void>): Promise<void> {
  const dir = await migratedDataDir('mnemo-own-');
  const db = ON_POSTGRES ? await freshDatabase() : null;
  try {
    await use({
      DATA_DIR: dir,
      CARDS_DIR: 'test/fixtures/cards',
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db?.dispose();
  }
}

describe('the console takes any input without stalling or crashing', () => {
  it('GIVEN an answer with a NUL byte and other control characters THEN it is graded without them and stored', async () => {
    await withOwnData(async (own) => {
      const quiz = await runInProcess(['quiz'], { input: 'con\u0000tai\u0007ner\n/quit\n', env: own });
      expect(quiz.stderr).not.toContain('unexpected error');
      expect(quiz.code).toBe(0);
      expect(quiz.stdout).toContain('✓ Correct.');
    });
  });

  it('GIVEN a 1 MB answer line THEN only its first 2,000 characters are graded and stored', async () => {
    await withOwnData(async (own) => {
      const input = `${'wrong '.repeat(180_000)}\n/right\n/quit\n`;
      const quiz = await runInProcess(['quiz'], { input, env: own });
      expect(quiz.code).toBe(0);
      expect(quiz.stdout).toContain('Re-rated Good');
      const suggestions = await runInProcess(['cards', 'suggestions'], { env: own });
      const stored = /1× "([a-z ]+)"/.exec(suggestions.stdout)?.[1] ?? '';
      expect(stored.length).toBe(2_000);
      expect(stored.endsWith('wrong wr')).toBe(true);
    });
  });
});

describe('mnemo cards suggestions', () => {
  it('GIVEN a person disputes a verdict with /right THEN the disputed answer is listed under its card', async () => {
    await withOwnData(async (own) => {
      const before = await runInProcess(['cards', 'suggestions'], { env: own });
      expect(before.stdout).toContain('No disputed answers yet.');
      const quiz = await runInProcess(['quiz'], { input: 'a running box\n/right\n/quit\n', env: own });
      expect(quiz.stdout).toContain('✗ Not quite.');
      // The confirmation comes before the next card, which is shown again under it: one line is one answer.
      expect(quiz.stdout).toContain(
        '> /right\nRe-rated Good; back in 10 minutes.\n\n[tiny] (new) Why are Docker images built in layers?',
      );
      // The command as a person runs it: one spawned run of `mnemo cards suggestions`.
      const after = await runMnemo(['cards', 'suggestions'], { env: own });
      expect(after.code).toBe(0);
      expect(after.stdout).toContain(
        'tiny/tiny-typed: What is a running instance of a Docker image called? (answer: container)',
      );
      expect(after.stdout).toContain('1× "a running box"');
    });
  }, 120_000); // ms: a spawned run of the CLI among them
});
