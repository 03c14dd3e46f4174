import { describe, expect, it } from 'vitest';
import { runMnemo } from '../support/cli.ts';

describe('mnemo cards check', () => {
  it('GIVEN a malformed deck THEN each error is listed as path:line: message and it exits 1', async () => {
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
    const run = await runMnemo(['cards', 'check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ decks, \d+ cards\n$/);
  });

  it('GIVEN --json THEN decks are listed with ids, titles, card counts and tags', async () => {
    const run = await runMnemo(['cards', 'check', 'test/fixtures/cards', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      decks: [{ id: 'tiny', title: 'A tiny deck for tests', cards: 3, tags: [] }],
    });
  });

  it('GIVEN a path that does not exist THEN it says so and exits 1', async () => {
    const run = await runMnemo(['cards', 'check', 'no/such/folder']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no/such/folder:0: no such file or folder');
  });
});
