import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ROOT } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';
import { Instance } from '../support/instance.ts';

let root: string;
let dataDir: string;
let database: TestDatabase | null = null;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mnemo-watch-'));
  dataDir = await migratedDataDir('mnemo-watch-data-');
  if (ON_POSTGRES) database = await freshDatabase();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
  await database?.dispose();
});

/** Resolves with the first log line matching, or fails with the logs so far. */
async function logLine(
  instance: Instance,
  pattern: RegExp,
  from: number,
  timeoutMs = 20_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const line = instance.logs.slice(from).find((entry) => pattern.test(entry));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no log line ${pattern} within ${timeoutMs} ms:\n${instance.logs.join('\n')}`);
}

const DECK = '---\ntitle: Fresh\n---\n\n## fresh-one\nQ: What was just added?\nA: this card\n';

describe('a running bot', () => {
  it('GIVEN a deck added to CARDS_DIR THEN it is loaded; GIVEN most decks removed THEN the reload refuses', async () => {
    const cards = join(root, 'cards');
    await mkdir(join(cards, 'sub'), { recursive: true });
    await copyFile(join(ROOT, 'test/fixtures/cards/tiny.md'), join(cards, 'tiny.md'));
    const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
    const bot = await Instance.start({
      DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      CARDS_DIR: cards,
      PORT: '0',
      DISCORD_MODE: 'http',
      DISCORD_TOKEN: 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.watch-test-token',
      DISCORD_APP_ID: '1300000000000000001',
      DISCORD_PUBLIC_KEY: Buffer.from(x, 'base64url').toString('hex'),
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DELIVERY_ENABLED: 'false',
    });
    try {
      await logLine(bot, /watching the card folder/, 0);
      let seen = bot.logs.length;
      await writeFile(join(cards, 'sub', 'fresh.md'), DECK);
      const reloaded = await logLine(bot, /"msg":"decks reloaded"/, seen);
      expect(JSON.parse(reloaded)).toMatchObject({ added: 1, retired: 0, unchanged: 3, decks: 2 });

      seen = bot.logs.length;
      await rm(join(cards, 'tiny.md'));
      const refused = await logLine(bot, /deck reload refused/, seen);
      expect(JSON.parse(refused)).toMatchObject({ level: 40, retiring: 3, live: 4 });
      expect(bot.logs.slice(seen).some((line) => line.includes('"msg":"decks reloaded"'))).toBe(false);
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  }, 90_000);
});

describe('CARDS_WATCH', () => {
  it('GIVEN false THEN the folder is not watched; GIVEN anything but true or false THEN the variable is named', () => {
    expect(loadConfig({}).cardsWatch).toBe(true);
    expect(loadConfig({ CARDS_WATCH: 'false' }).cardsWatch).toBe(false);
    expect(() => loadConfig({ CARDS_WATCH: 'no' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => loadConfig({ CARDS_WATCH: 'no' })).toThrow(/CARDS_WATCH/);
  });
});
