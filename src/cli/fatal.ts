import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { Logger } from 'pino';
import { MnemoError } from '../core/errors.ts';
import { type CommandIo, print } from './io.ts';

const MAX_SUMMARY = 300; // characters

/**
 * One line for the person, whatever failed: the operator's own mistakes as they are, anything else as a short
 * summary with the detail (stack, SQL, parameters) in the JSON log, never on the terminal.
 */
export function reportFatal(error: unknown, io: CommandIo, log: Logger): number {
  if (error instanceof MnemoError) {
    print(io.stderr, `mnemo: ${error.message}`);
    return 1;
  }
  log.error({ err: error }, 'unexpected error');
  print(io.stderr, `mnemo: unexpected error: ${summary(error)} (the details are in the log)`);
  return 1;
}

/** The first line of the innermost useful message: a failed query's own message is its SQL and parameters. */
function summary(error: unknown): string {
  let current = error;
  while (current instanceof DrizzleQueryError && current.cause !== undefined) current = current.cause;
  if (current instanceof DrizzleQueryError) return 'a database statement failed';
  const message = current instanceof Error ? current.message : String(current);
  const line = (message.split('\n')[0] ?? '').trim() || (current instanceof Error ? current.name : 'unknown');
  return line.length > MAX_SUMMARY ? `${line.slice(0, MAX_SUMMARY)}…` : line;
}
