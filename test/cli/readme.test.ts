import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMnemo } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';

let dataDir: string;
let database: TestDatabase | null = null;

beforeAll(async () => {
  // Migrated and empty: what the README's first start makes, without initdb again (console.test.ts checks that).
  dataDir = await migratedDataDir('mnemo-readme-');
  if (ON_POSTGRES) database = await freshDatabase();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.dispose();
});

/** The README's "Try it" example: the piped input it shows, and the transcript it says that input prints. */
async function readmeExample(): Promise<{ input: string; transcript: string }> {
  const readme = await readFile('README.md', 'utf8');
  const tryIt = readme.slice(readme.indexOf('## Try it'), readme.indexOf('## Test it'));
  const command = /^printf '([^']*)' \| npm start$/m.exec(tryIt);
  const blocks = fencedBlocks(tryIt).filter((block) => block.info === '');
  if (!command?.[1] || blocks.length !== 1)
    throw new Error('README "Try it": no printf example and transcript');
  return { input: command[1].replaceAll('\\n', '\n'), transcript: blocks[0]?.text ?? '' };
}

/** Markdown code blocks: the word after the opening fence (`sh`, or '' for none) and the lines inside. */
function fencedBlocks(markdown: string): { info: string; text: string }[] {
  const blocks: { info: string; text: string }[] = [];
  let open: { info: string; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      if (open) blocks.push({ info: open.info, text: open.lines.map((text) => `${text}\n`).join('') });
      open = open ? null : { info: line.slice(3).trim(), lines: [] };
    } else open?.lines.push(line);
  }
  return blocks;
}

describe('the README', () => {
  it('GIVEN the piped example of "Try it" on a fresh database with the bundled decks THEN it prints the transcript shown', async () => {
    const { input, transcript } = await readmeExample();
    const run = await runMnemo([], {
      input,
      npm: true,
      env: {
        DATA_DIR: dataDir,
        CARDS_DIR: undefined,
        ...(database?.url ? { DATABASE_URL: database.url } : {}),
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(transcript);
  }, 120_000);
});
