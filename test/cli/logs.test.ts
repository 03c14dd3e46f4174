import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, migratedDataDir, type TestDatabase } from '../support/database.ts';
import { Instance } from '../support/instance.ts';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.secret-bot-token-value';
const PASSWORD = 'hunter2-database-password';
let dataDir: string;
let database: TestDatabase | null = null;

beforeAll(async () => {
  dataDir = await migratedDataDir('mnemo-logs-');
  if (process.env.DATABASE_URL) database = await freshDatabase();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.dispose();
});

function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = PASSWORD; // the server trusts local connections, so any password works
  return parsed.toString();
}

describe('the bot process', () => {
  it('GIVEN a token and a database password in the environment THEN neither ever shows in the logs', async () => {
    const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
    const bot = await Instance.start({
      DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: withPassword(database.url) } : {}),
      CARDS_DIR: 'test/fixtures/cards',
      PORT: '0',
      LOG_LEVEL: 'trace',
      DISCORD_MODE: 'http',
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: '1300000000000000001',
      DISCORD_PUBLIC_KEY: Buffer.from(x, 'base64url').toString('hex'),
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DELIVERY_ENABLED: 'false',
    });
    expect((await bot.get('/healthz')).status).toBe(200);
    const metrics = await bot.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('mnemo_answers_total');
    expect(metrics.body).toContain('mnemo_database_up 1');
    // A forged request is refused and logged.
    const forged = await fetch(bot.url('/discord/interactions'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': 'ab'.repeat(64),
        'x-signature-timestamp': '1',
      },
      body: '{"type":1}',
    });
    expect(forged.status).toBe(401);
    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const logs = bot.logs.join('\n');
    expect(logs).toContain('Mnemo is running');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(PASSWORD);
  }, 60_000);
});

describe('createLogger', () => {
  it('GIVEN a secret inside a field, an error message or a URL THEN every log line shows it censored', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { createLogger } from './src/ops/logger.ts';
      const log = createLogger('info', [${JSON.stringify(TOKEN)}, ${JSON.stringify(PASSWORD)}]);
      log.info({ token: 'field-secret-abc', config: { botToken: 'nested-secret-abc' } }, 'by field');
      log.error({ err: new Error('POST https://discord.com/api/bot/${TOKEN}/x failed') }, 'in an error');
      log.warn({ url: 'postgres://mnemo:${PASSWORD}@db/mnemo' }, 'in a URL');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.msg)).toEqual(['by field', 'in an error', 'in a URL']);
    const text = run.stderr;
    for (const secret of [TOKEN, PASSWORD, 'field-secret-abc', 'nested-secret-abc'])
      expect(text).not.toContain(secret);
    expect(lines[0].token).toBe('[redacted]');
    expect(lines[2].url).toBe('postgres://mnemo:[redacted]@db/mnemo');
  });
});

describe('createLogger for a person at the command line', () => {
  it('GIVEN info and warn lines THEN info goes only to the log file, warn also to stderr, and no secret to either', async () => {
    const { spawnSync } = await import('node:child_process');
    const file = join(dataDir, 'person', 'mnemo.log');
    const script = `
      import { createLogger } from './src/ops/logger.ts';
      const log = createLogger('info', [${JSON.stringify(TOKEN)}], { kind: 'person', file: ${JSON.stringify(file)}, readable: true });
      log.info({ decks: 5 }, 'decks synced');
      log.warn({ err: new Error('refused ${TOKEN}') }, 'platform said no');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(run.stderr).toMatch(/^\d\d:\d\d:\d\d WARN platform said no\n {4}Error: refused \[redacted\]/);
    expect(run.stderr).not.toContain('decks synced');
    const logged = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logged.map((line) => line.msg)).toEqual(['decks synced', 'platform said no']);
    expect(`${run.stderr}${JSON.stringify(logged)}`).not.toContain(TOKEN);
  });
});

describe("a person's log file", () => {
  it('GIVEN a log file past its size at start THEN it is moved to mnemo.log.1 and a new one begun', async () => {
    const { createLogger, LOG_FILE_MAX_BYTES } = await import('../../src/ops/logger.ts');
    const file = join(dataDir, 'turned', 'mnemo.log');
    await mkdir(join(dataDir, 'turned'), { recursive: true });
    await writeFile(`${file}.1`, 'the file before the last\n');
    await writeFile(file, 'an old session\n');
    await truncate(file, LOG_FILE_MAX_BYTES + 1);

    createLogger('info', [], { kind: 'person', file, readable: false }).info('a new session');

    expect((await stat(`${file}.1`)).size).toBe(LOG_FILE_MAX_BYTES + 1);
    expect((await readFile(`${file}.1`, 'utf8')).startsWith('an old session\n')).toBe(true);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['a new session']);

    createLogger('info', [], { kind: 'person', file, readable: false }).info('a small file is kept');
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(2);
  });
});
