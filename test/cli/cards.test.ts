import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, runMnemo } from '../support/cli.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mnemo-check-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('mnemo cards check', () => {
  it('GIVEN a malformed deck THEN each error is listed as path:line: message and it exits 1', async () => {
    // Spawned, as a person runs it: the exact lines on the terminal and the exit code. The others run in process.
    const run = await runMnemo(['cards', 'check', 'test/fixtures/broken']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'test/fixtures/broken/broken.md:9: card id "Bad Card" is not valid: use lowercase letters, digits and dashes, like "## docker-volumes"',
      'test/fixtures/broken/broken.md:13: card "no-answer" has no answer: add "A: …", "Reveal: …" or options "- [x] …"',
      'test/fixtures/broken/broken.md:16: card "two-right" has 2 right options: mark exactly one with "- [x]"',
      '3 errors',
    ]);
  });

  it('GIVEN the bundled decks THEN the check passes and counts them', async () => {
    const run = await runInProcess(['cards', 'check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ decks, \d+ cards\n$/);
  });

  it('GIVEN --json THEN decks are listed with ids, titles, card counts and tags', async () => {
    const run = await runInProcess(['cards', 'check', 'test/fixtures/cards', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      decks: [
        {
          id: 'tiny',
          title: 'A tiny deck for tests',
          cards: 3,
          tags: [],
          kinds: { typed: 1, choice: 1, self: 1, cloze: 0 },
        },
      ],
    });
  });

  it('GIVEN a path that does not exist THEN it says so and exits 1', async () => {
    const run = await runInProcess(['cards', 'check', 'no/such/folder']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no/such/folder:0: no such file or folder');
  });

  it('GIVEN decks that are not UTF-8 text or hold control characters THEN each fails with path:line', async () => {
    const dir = join(scratch, 'bytes');
    await mkdir(dir);
    const head = Buffer.from('---\ntitle: T\n---\n\n## a\n');
    await writeFile(
      join(dir, 'latin1.md'),
      Buffer.concat([head, Buffer.from('Q: caf\xe9?\nA: yes\n', 'latin1')]),
    );
    await writeFile(
      join(dir, 'nul.md'),
      Buffer.concat([head, Buffer.from('Q: \x00\x01 garbage?\nA: yes\n')]),
    );
    const run = await runInProcess(['cards', 'check', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${dir}/latin1.md:6: not valid UTF-8 text: save the file as UTF-8`,
      `${dir}/nul.md:6: control character U+0000 in the text: a deck holds plain text only`,
      '2 errors',
    ]);
  });

  it('GIVEN a folder with no decks THEN it says so and exits 1', async () => {
    const dir = join(scratch, 'empty');
    await mkdir(dir);
    await writeFile(join(dir, 'README.md'), '# not a deck\n');
    const run = await runInProcess(['cards', 'check', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${dir}:0: no deck files (*.md) in this folder`);
  });

  it('GIVEN decks reached through symbolic links, and a link loop THEN each deck is read once', async () => {
    const dir = join(scratch, 'links');
    await mkdir(dir);
    await symlink(join(ROOT, 'test/fixtures/cards/tiny.md'), join(dir, 'tiny.md'));
    await symlink(join(ROOT, 'cards'), join(dir, 'bundled'));
    await symlink(dir, join(dir, 'loop'));
    const bundled = await runInProcess(['cards', 'check', 'cards']);
    const [decks = 0, cards = 0] = (/^(\d+) decks, (\d+) cards/.exec(bundled.stdout) ?? [])
      .slice(1)
      .map(Number);
    const run = await runInProcess(['cards', 'check', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${decks + 1} decks, ${cards + 3} cards\n`);
    expect(run.code).toBe(0);
  });
});
