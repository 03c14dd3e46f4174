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
