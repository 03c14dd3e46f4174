/** What Slack and Discord requests share: a signature over a timestamp and the raw body, and a time window. */

export const SIGNATURE_DEFAULTS = {
  /** Refuse a request signed more than 5 minutes away from now, in either direction (a replay, or a bad clock). */
  toleranceMs: 5 * 60_000, // ms
} as const;

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing headers' | 'stale' | 'from the future' | 'signature mismatch' };

/** Null when `timestamp` (seconds since the epoch, as sent) is within `toleranceMs` of `now`; else why not. */
export function timestampProblem(
  timestamp: string,
  now: Date,
  toleranceMs: number,
): Extract<SignatureCheck, { ok: false }> | null {
  const skew = now.getTime() - Number(timestamp) * 1_000;
  // A timestamp that is not a number of seconds is as good as none (NaN would pass both comparisons).
  if (!/^\d{1,12}$/.test(timestamp) || skew > toleranceMs) return { ok: false, reason: 'stale' };
  if (skew < -toleranceMs) return { ok: false, reason: 'from the future' };
  return null;
}

/** How one platform signs its requests: the headers, the signature's shape, and the check over the raw body. */
export interface SignatureScheme {
  headers: { signature: string; timestamp: string };
  /** A signature of any other shape is as good as none. */
  format: RegExp;
  /** Whether `signature` signs `timestamp` and `body`; may throw on a key or signature it cannot read. */
  verify(signature: string, timestamp: string, body: Buffer): boolean;
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Whether the request is signed by `scheme` and its timestamp is within `toleranceMs` of `now`: a captured
 * request cannot be replayed later. Anything missing or malformed is simply not a valid signature.
 */
export function checkSignature(
  scheme: SignatureScheme,
  request: SignedRequest,
  now: Date,
  toleranceMs: number = SIGNATURE_DEFAULTS.toleranceMs,
): SignatureCheck {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !scheme.format.test(signature) || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'missing headers' };
  }
  const problem = timestampProblem(timestamp, now, toleranceMs);
  if (problem) return problem;
  try {
    if (scheme.verify(signature, timestamp, body)) return { ok: true };
  } catch {
    // A key or signature that cannot be read is a mismatch like any other.
  }
  return { ok: false, reason: 'signature mismatch' };
}
