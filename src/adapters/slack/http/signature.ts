import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_DEFAULTS, type SignatureCheck, timestampProblem } from '../../../http/signed-request.ts';

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`: seconds since the epoch. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256. */
  signature: string | undefined;
  rawBody: Buffer;
}

/** Checks Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}`, and the timestamp. Pure. */
export function checkSlackSignature(
  request: SignedRequest,
  signingSecret: string,
  now: Date,
  toleranceMs: number = SIGNATURE_DEFAULTS.toleranceMs,
): SignatureCheck {
  const { timestamp, signature, rawBody } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^v0=[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, reason: 'missing headers' };
  }
  const problem = timestampProblem(timestamp, now, toleranceMs);
  if (problem) return problem;
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest();
  const given = Buffer.from(signature.slice('v0='.length), 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
