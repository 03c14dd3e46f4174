import { writeSync } from 'node:fs';
import { type Logger, pino } from 'pino';

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

/**
 * JSON logs on stderr at `level`. Secret fields are censored by name, and every line is scrubbed of the
 * given secret values, so a token that ends up inside an error message or a URL is not written either.
 */
export function createLogger(level: string, secrets: readonly (string | null | undefined)[]): Logger {
  const values = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 6,
  );
  const stream = {
    write(line: string) {
      let clean = line;
      for (const secret of values) clean = clean.replaceAll(secret, CENSOR);
      queue(clean);
    },
  };
  return pino(
    {
      level,
      base: { app: 'mnemo' },
      redact: {
        paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
        censor: CENSOR,
      },
    },
    stream,
  );
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
