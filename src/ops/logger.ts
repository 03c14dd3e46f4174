import { renameSync, statSync, writeSync } from 'node:fs';
import { type Level, type Logger, pino } from 'pino';
import { readableLogLine } from './log-format.ts';

const CENSOR = '[redacted]';

/** Field names that hold secrets wherever they appear in a logged object. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'publicKey',
  'password',
  'authorization',
  'databaseUrl',
  'DATABASE_URL',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
];

/** Where log lines go. */
export type LogTarget =
  /** The bot: JSON lines on stderr at the level, for whatever collects a service's output. */
  | { kind: 'stderr' }
  /**
   * A person at the command line: every line at the level to `file` (when given and writable), and only
   * warnings and worse on stderr, readable when stderr is a terminal and JSON otherwise.
   */
  | { kind: 'person'; file: string | null; readable: boolean };

type LevelOrSilent = Level | 'silent';

const LEVEL_ORDER: readonly LevelOrSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Logs at `level` to `target`. Secret fields are censored by name, and every line is scrubbed of the given
 * secret values, so a token that ends up inside an error message or a URL is not written either.
 */
export function createLogger(
  level: LevelOrSilent,
  secrets: readonly (string | null | undefined)[],
  target: LogTarget = { kind: 'stderr' },
): Logger {
  const values = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 6,
  );
  const scrub = (line: string) => {
    let clean = line;
    for (const secret of values) clean = clean.replaceAll(secret, CENSOR);
    return clean;
  };
  const options = {
    level,
    base: { app: 'mnemo' },
    redact: {
      paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
      censor: CENSOR,
    },
  };
  if (target.kind === 'stderr') return pino(options, { write: (line: string) => queue(scrub(line)) });

  const stderrLevel = atLeast(level, 'warn');
  const streams: { level: LevelOrSilent; stream: { write(line: string): void } }[] = [
    {
      level: stderrLevel,
      stream: {
        write: (line: string) => writeSync(2, target.readable ? readableLogLine(scrub(line)) : scrub(line)),
      },
    },
  ];
  const file = target.file ? openLogFile(target.file) : null;
  if (file) streams.push({ level, stream: { write: (line: string) => file.write(scrub(line)) } });
  const live = streams.filter((stream) => stream.level !== 'silent') as {
    level: Level;
    stream: { write(line: string): void };
  }[];
  if (live.length === 0) return pino({ ...options, level: 'silent' });
  return pino(options, pino.multistream(live));
}

function atLeast(level: LevelOrSilent, floor: Level): LevelOrSilent {
  return LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(floor) ? level : floor;
}

/** A log file past this size at start is moved to `<file>.1` (replacing the one before) and begun anew. */
export const LOG_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A log file that cannot be opened (a read-only disk) is not worth stopping for: stderr still gets warnings.
 * A person's log is kept to two files of at most about LOG_FILE_MAX_BYTES each: one session rarely writes
 * that much, so the file is turned over when it is opened.
 */
function openLogFile(path: string): { write(line: string): void } | null {
  try {
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > LOG_FILE_MAX_BYTES)
      renameSync(path, `${path}.1`);
    return pino.destination({ dest: path, mkdir: true, sync: true, append: true });
  } catch {
    return null;
  }
}

/**
 * Lines wait for the end of the event loop's turn and go out in one write: a busy server logs a line per
 * interaction, and a write per line cost more than the line (README, Benchmarks). Whatever is waiting is
 * written when the process exits, however it exits.
 */
let waiting: string[] = [];
let flushing = false;

function queue(line: string): void {
  waiting.push(line);
  if (flushing) return;
  flushing = true;
  setImmediate(flush);
}

function flush(): void {
  flushing = false;
  if (waiting.length === 0) return;
  const text = waiting.join('');
  waiting = [];
  writeSync(2, text);
}

process.on('exit', flush);

/** The secret parts of a database URL: its password. */
export function databasePassword(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? null : password;
  } catch {
    return null;
  }
}
