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
  tsx: ['--import', 'tsx', 'src/main.ts', 'start'],
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

/**
 * The bot itself (Discord HTTP mode, every module loaded, deck synced, HTTP server up, delivery off): its
 * RSS once it serves. Linux only (/proc). Nothing is sent to Discord: the HTTP mode talks to Discord only
 * when an interaction or a delivery asks it to.
 */
export async function idleBotMemory(
  url: string,
  deck: { file: string; text: string },
  runner: Runner,
): Promise<IdleMemory> {
  const cards = await mkdtemp(join(tmpdir(), 'mnemo-bench-cards-'));
  try {
    await writeFile(join(cards, deck.file), deck.text);
    const { publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ format: 'der', type: 'spki' });
    const child = spawn(process.execPath, COMMANDS[runner], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: url,
        CARDS_DIR: cards,
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
  } finally {
    await rm(cards, { recursive: true, force: true });
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
