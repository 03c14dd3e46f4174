import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { runInProcess, runMnemo } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';

let root: string;
let database: TestDatabase | null = null;
let env: Record<string, string | undefined>;

/** A deck file: front matter, then one typed card per id. */
const deck = (title: string, ids: readonly string[], question = (id: string) => `What is ${id}?`) =>
  `---\ntitle: ${title}\n---\n${ids.map((id) => `\n## ${id}\nQ: ${question(id)}\nA: ${id}\n`).join('')}`;
const ALPHA = deck('Alpha', ['alpha-1', 'alpha-2']);
const DOCKER = deck('Docker', ['docker-a', 'docker-b', 'docker-c']);

/** A card folder holding these files. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

/**
 * `mnemo cards sync` in this process; `spawned` runs it as a person does, for the contract of the command
 * line and for what reaches the terminal (log lines included), which the first and the last step check.
 */
const sync = (cardsDir: string, ...args: string[]) =>
  runInProcess(['cards', 'sync', ...args], { env: { ...env, CARDS_DIR: cardsDir } });
const spawned = (cardsDir: string) => runMnemo(['cards', 'sync'], { env: { ...env, CARDS_DIR: cardsDir } });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mnemo-sync-'));
  if (ON_POSTGRES) database = await freshDatabase();
  env = {
    DATA_DIR: await migratedDataDir('mnemo-sync-data-'),
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
  };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (env.DATA_DIR) await rm(env.DATA_DIR, { recursive: true, force: true });
  await database?.dispose();
});

// One database through the file: each step starts from what the steps before it stored.
describe('mnemo cards sync', () => {
  let decks: string;

  it('GIVEN two deck files THEN their cards are added', async () => {
    decks = await folder('cards', { 'a.md': ALPHA, 'docker.md': DOCKER });
    const run = await spawned(decks);
    expect(run.stderr).toContain('2 decks, 5 cards: added 5, updated 0, restored 0, retired 0, unchanged 0');
    expect(run.code).toBe(0);
  });

  it('GIVEN a missing or an empty card folder THEN it is an error that touches nothing', async () => {
    const missing = await sync(join(root, 'nonexistent'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(root, 'nonexistent')}:0: no such file or folder`);
    expect(missing.stderr).toContain('nothing stored was touched');
    expect(missing.stderr).not.toContain('retired');

    const empty = await sync(await folder('empty', {}));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no deck files (*.md) in this folder');
    expect(empty.stderr).not.toContain('retired');
  });

  it('GIVEN a folder whose decks are symbolic links THEN they are read, and nothing was retired before', async () => {
    const linked = await folder('linked', {});
    await symlink(join(decks, 'a.md'), join(linked, 'a.md'));
    await symlink(await folder('docker-only', { 'docker.md': DOCKER }), join(linked, 'more'));
    const run = await sync(linked);
    // a.md through a link to the file, docker.md through a link to its folder.
    expect(run.stderr).toContain('2 decks, 5 cards: added 0, updated 0, restored 0, retired 0, unchanged 5');
    expect(run.code).toBe(0);
  });

  it('GIVEN a broken deck reached by another spelling of the folder THEN its cards are kept', async () => {
    await sync(decks);
    const copy = await folder('copy', {
      'a.md': ALPHA.replace('What is alpha-1?', 'What\u0000 is alpha-1?'),
      'docker.md': DOCKER,
    });
    const spelled = join(root, 'spelled-otherwise');
    await symlink(copy, spelled);
    const run = await sync(spelled);
    expect(run.stderr).toContain(`${spelled}/a.md:6: control character U+0000 in the text`);
    expect(run.stderr).toContain('1 deck, 3 cards: added 0, updated 0, restored 0, retired 0, unchanged 3');
    expect(run.code).toBe(1);
  });

  it('GIVEN a new file reusing a stored card id THEN that file is blamed and nothing moves', async () => {
    await writeFile(
      join(decks, 'aaa.md'),
      deck('Hijack', ['docker-b'], () => 'A new question?'),
    );
    const run = await sync(decks);
    expect(run.stderr).toContain(
      `${decks}/aaa.md:5: card id "docker-b" is already used in ${decks}/docker.md:9`,
    );
    expect(run.stderr).not.toContain(`${decks}/docker.md:9: card id`);
    expect(run.stderr).toContain('2 decks, 5 cards: added 0, updated 0, restored 0, retired 0, unchanged 5');
    expect(run.code).toBe(1);
  });

  it('GIVEN a card deleted from one file and added to another THEN it moves, keeping its id', async () => {
    await writeFile(join(decks, 'docker.md'), deck('Docker', ['docker-a', 'docker-c']));
    const run = await sync(decks);
    // docker-b moves with its new question; docker-c moves up a place in its file.
    expect(run.stderr).toContain('3 decks, 5 cards: added 0, updated 2, restored 0, retired 0, unchanged 3');
    expect(run.code).toBe(0);
  });

  it('GIVEN a folder that would retire more than half of the cards THEN it refuses, unless --allow-retire', async () => {
    const few = await folder('few', { 'a.md': ALPHA });
    const refused = await sync(few);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this sync would retire 3 of the 5 stored cards, more than half');
    expect(refused.stderr).toContain('mnemo cards sync --allow-retire');

    const allowed = await sync(few, '--allow-retire');
    expect(allowed.stderr).toContain(
      '1 deck, 2 cards: added 0, updated 0, restored 0, retired 3, unchanged 2',
    );
    expect(allowed.code).toBe(0);
  });

  it('GIVEN a statement the database refuses THEN one line says so, without the SQL or the card text', async () => {
    const connection = database?.url
      ? await openDatabase({ kind: 'postgres', url: database.url, poolSize: 1 })
      : await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR ?? '' });
    await connection.db.execute(
      sql`alter table cards add constraint no_boom check (question not like '%boom%')`,
    );
    await connection.close();
    await writeFile(
      join(decks, 'boom.md'),
      deck('Boom', ['boom-1'], () => 'secret boom text?'),
    );
    const run = await spawned(decks);
    expect(run.code).toBe(1);
    const terminal = run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
    expect(terminal).toEqual([
      'mnemo: unexpected error: new row for relation "cards" violates check constraint "no_boom" (the details are in the log)',
    ]);
  });
});
