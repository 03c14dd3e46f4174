import { spawn } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  input?: string;
  env?: Record<string, string | undefined>;
}

/** The test's environment without DATABASE_URL unless one is given, at LOG_LEVEL warn. */
function commandEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    LOG_LEVEL: 'warn',
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as Record<string, string>;
}

/**
 * Runs Mnemo as a user would, in a child process: `npm start` when `npm` is true, else the CLI entry.
 * Each run pays Node's start and the loading of every module (seconds on a busy machine): keep it for what
 * only a process shows (the exact command line, exit codes, log lines on stderr); runInProcess does the rest.
 */
export function runMnemo(
  args: readonly string[],
  options: RunOptions & { npm?: boolean } = {},
): Promise<CliRun> {
  const [command, commandArgs] = options.npm
    ? ['npm', ['start', '--silent', '--', ...args]]
    : [process.execPath, ['--import', 'tsx', 'src/main.ts', ...args]];
  const child = spawn(command, commandArgs, { cwd: ROOT, env: commandEnv(options.env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A stream that keeps what is written to it. */
class Collected extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Runs the CLI's own `main` (the one src/main.ts runs) in this process, with the same environment and
 * piped input as runMnemo: the same parsing, configuration, database, flows and printed lines, without a
 * process start per run. Log lines go straight to this process's stderr (file descriptor 2) and are not
 * in `stderr`: a check that no log line reaches the person's terminal needs runMnemo.
 */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const [{ main }, { reportFatal }, { createLogger }] = await Promise.all([
    import('../../src/main.ts'),
    import('../../src/cli/fatal.ts'),
    import('../../src/ops/logger.ts'),
  ]);
  const io = {
    stdin: Readable.from(options.input ? [options.input] : []),
    stdout: new Collected(),
    stderr: new Collected(),
  };
  // As the entry at the foot of src/main.ts does: a bad setting throws before main has a logger.
  const code = await main(args, commandEnv(options.env), io).catch((error: unknown) =>
    reportFatal(error, io, createLogger('error', [])),
  );
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}
