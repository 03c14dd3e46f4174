import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { COMMANDS, ROOT, type Runner } from '../bot-idle.ts';

const START_TIMEOUT_MS = 60_000;
const LOG_TAIL = 16_384; // characters of the bot's log kept for an error message

export interface Served {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** Lines the bot logged at level error or above while it ran. */
  errorLines(): number;
  stop(): Promise<void>;
}

/**
 * The bot as `npm start` runs it (tsx) or as the image runs it (compiled dist/), in a process of its own,
 * serving on an ephemeral port. Its log (stderr, JSON lines at the configured level) is read and dropped,
 * as a log collector would. With `profileDir`, node writes a CPU profile there when the bot exits.
 */
export async function startBot(
  runner: Runner,
  env: Record<string, string>,
  profileDir: string | null,
): Promise<Served> {
  const profile = profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = spawn(process.execPath, [...profile, ...COMMANDS[runner]], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  let errors = 0;
  const stderr = child.stderr as NodeJS.ReadableStream;
  stderr.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${tail}`)), START_TIMEOUT_MS);
    let serving = false;
    stderr.on('data', (chunk: string) => {
      errors += count(chunk, '"level":50') + count(chunk, '"level":60');
      tail = (tail + chunk).slice(-LOG_TAIL);
      const running = serving ? null : /"port":(\d+)[^\n]*"msg":"Mnemo is running"/.exec(tail);
      if (running) {
        serving = true;
        clearTimeout(timer);
        resolve(Number(running[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before serving:\n${tail}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    errorLines: () => errors,
    stop: () => stop(child),
  };
}

/** The floor server (bench/http/floor.ts), in a process of its own like the bot, under tsx like `npm start`. */
export async function startFloor(env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http/floor.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout as NodeJS.ReadableStream;
  stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    stdout.once('data', (line: string) => resolve(Number(line.trim())));
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    errorLines: () => 0,
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function count(text: string, what: string): number {
  let n = 0;
  for (let at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) n++;
  return n;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU time (user + system, in ms) the processes have used so far, from /proc (Linux): unlike throughput on a
 * busy machine, it does not depend on what else runs. Processes that are gone or unreadable count 0.
 */
export async function cpuMs(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return (ticks * 1_000) / TICKS_PER_SECOND;
}
