import { MnemoError } from '../core/errors.ts';

/** A platform's answer to a failed call: its HTTP status (null when none came back) and whether the token was refused. */
export interface PlatformRefusal {
  platform: string;
  /** What the call was for, as a verb phrase: "post the question of the day". */
  what: string;
  status: number | null;
  tokenRefused: boolean;
}

/**
 * A failed platform call as the MnemoError the delivery port names: PLATFORM_UNAUTHORIZED when the token was
 * refused, PLATFORM_REJECTED for another 4xx (a 429 is passing, and retried); any other fault as it was.
 */
export function platformError(error: unknown, refusal: PlatformRefusal): unknown {
  const { platform, what, status } = refusal;
  if (refusal.tokenRefused) {
    return new MnemoError('PLATFORM_UNAUTHORIZED', `${platform} refused the bot token (${what})`, {
      cause: error,
    });
  }
  if (status === null || status < 400 || status >= 500 || status === 429) return error;
  const reason = error instanceof Error ? error.message : status;
  return new MnemoError('PLATFORM_REJECTED', `${platform} refused to ${what}: ${reason}`, { cause: error });
}

/**
 * An error as log fields, without a request's URL or body (a URL can hold an interaction token): the status,
 * code and method a platform's error carries, else its stack; its cause the same way.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> = { type: error.name, message: error.message };
  const carried = error as Error & { status?: unknown; code?: unknown; method?: unknown };
  if (typeof carried.status === 'number')
    Object.assign(fields, { status: carried.status, method: carried.method });
  else if (error.stack) fields.stack = error.stack;
  if (carried.code !== undefined) fields.code = carried.code;
  if (error.cause !== undefined) fields.cause = describeError(error.cause);
  return fields;
}
