import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { checkSignature, type SignatureCheck, type SignatureScheme } from '../../../http/signed-request.ts';

/** Slack's v0 request signature: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackScheme(signingSecret: string): SignatureScheme {
  // The key is made once: given as a string, every request's HMAC would make it again.
  const key = createSecretKey(Buffer.from(signingSecret, 'utf8'));
  return {
    headers: { signature: 'x-slack-signature', timestamp: 'x-slack-request-timestamp' },
    format: /^v0=[0-9a-f]{64}$/,
    verify: (signature, timestamp, body) =>
      timingSafeEqual(
        createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest(),
        Buffer.from(signature.slice('v0='.length), 'hex'),
      ),
  };
}

/** Checks Slack's v0 request signature and its timestamp. Pure. */
export function checkSlackSignature(
  request: { timestamp: string | undefined; signature: string | undefined; rawBody: Buffer },
  signingSecret: string,
  now: Date,
  toleranceMs?: number,
): SignatureCheck {
  const { rawBody: body, ...signed } = request;
  return checkSignature(slackScheme(signingSecret), { ...signed, body }, now, toleranceMs);
}
