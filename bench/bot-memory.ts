import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Person, Place } from '../src/core/people.ts';

/** What the bot process is asked to answer. */
export interface BotBatch {
  place: Place;
  concurrency: number;
  poolSize: number;
  answers: { person: Person; cardId: string; text: string }[];
}

export interface BotMemory {
  rssBytes: number;
  heapUsedBytes: number;
  /** The highest RSS seen while it answered. */
  peakRssBytes: number;
}

const SCRIPT = fileURLToPath(new URL('./bot-process.ts', import.meta.url));

/** Runs the batch in a process of its own (tsx, as `npm start` runs the bot) and returns its memory. */
export function botProcessMemory(url: string, batch: BotBatch): Promise<BotMemory> {
  return new Promise((resolve, reject) => {
    const args = [...process.execArgv, SCRIPT, url];
    const child = spawn(process.execPath, args, {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the bot process exited with ${code}`));
      else resolve(JSON.parse(out) as BotMemory);
    });
    child.stdin.end(JSON.stringify(batch));
  });
}
