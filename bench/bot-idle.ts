import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SETTLE_MS = 3_000; // after start-up, before RSS is read
const START_TIMEOUT_MS = 60_000;

export interface IdleMemory {
  /** RSS once started and settled. */
  rssBytes: number;
  /** The highest RSS since the process began (VmHWM): start-up with its deck sync included. */
  peakRssBytes: number;
}

/**
 * How the bot runs: `tsx` as `npm start` runs it (TypeScript compiled in the process, source maps kept),
 * or `compiled` as the image runs it (`node dist/main.js`, after `npm run build`).
 */
export type Runner = 'tsx' | 'compiled';

export const COMMANDS: Record<Runner, string[]> = {
  tsx: ['--max-semi-space-size=2', '--import', 'tsx', 'src/main.ts', 'start'],
  compiled: ['dist/main.js', 'start'],
};

/** Builds dist/ as `npm run build` does (the Dockerfile's build stage), for the compiled run. */
export function buildDist(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    tsc.on('error', reject);
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
}

/** Where the bot keeps its data: a PostgreSQL database, or the embedded PGlite in a data folder. */
export type BotDatabase = { url: string } | { dataDir: string };

/** The bundled decks, as `npm start` loads them when CARDS_DIR is not set. */
const BUNDLED_CARDS = join(ROOT, 'cards');

/**
 * The bot itself (Discord HTTP mode, every module loaded, deck synced, HTTP server up, delivery off): its
 * RSS once it serves. Linux only (/proc). Nothing is sent to Discord: the HTTP mode talks to Discord only
 * when an interaction or a delivery asks it to.
 */
export async function idleBotMemory(
  database: BotDatabase,
  deck: { file: string; text: string },
  runner: Runner,
): Promise<IdleMemory> {
  const cards = await mkdtemp(join(tmpdir(), 'mnemo-bench-cards-'));
  try {
    await writeFile(join(cards, deck.file), deck.text);
    return await servingBotMemory(database, cards, runner);
  } finally {
    await rm(cards, { recursive: true, force: true });
  }
}

/**
 * The bot on its embedded PGlite with the bundled decks, as `npm start` runs it with no DATABASE_URL: once
 * in a fresh DATA_DIR (initdb, migrations, first deck sync) and once more on the same folder (a restart).
 */
export async function pgliteBotMemory(runner: Runner): Promise<{ first: IdleMemory; restart: IdleMemory }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mnemo-bench-data-'));
  try {
    const first = await servingBotMemory({ dataDir }, BUNDLED_CARDS, runner);
    const restart = await servingBotMemory({ dataDir }, BUNDLED_CARDS, runner);
    return { first, restart };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function servingBotMemory(
  database: BotDatabase,
  cardsDir: string,
  runner: Runner,
): Promise<IdleMemory> {
  const { publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const child = spawn(process.execPath, COMMANDS[runner], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      ...('url' in database ? { DATABASE_URL: database.url } : { DATA_DIR: database.dataDir }),
      CARDS_DIR: cardsDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      DELIVERY_ENABLED: 'false',
      DISCORD_MODE: 'http',
      DISCORD_TOKEN: 'bench-token-never-sent',
      DISCORD_APP_ID: '100000000000000001',
      DISCORD_PUBLIC_KEY: der.subarray(-32).toString('hex'),
      DISCORD_API_URL: 'http://127.0.0.1:9/api', // the discard port: nothing should reach it
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await serving(child.stderr, exited);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    return { rssBytes: kilobytes(status, 'VmRSS'), peakRssBytes: kilobytes(status, 'VmHWM') };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function serving(stderr: NodeJS.ReadableStream, exited: Promise<number | null>): Promise<void> {
  return new Promise((resolve, reject) => {
    let logs = '';
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${logs}`)), START_TIMEOUT_MS);
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      logs += chunk;
      if (logs.includes('"msg":"Mnemo is running"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before serving:\n${logs}`));
    });
  });
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/<pid>/status`);
  return Number(match[1]) * 1024;
}
