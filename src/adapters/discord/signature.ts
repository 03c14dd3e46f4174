import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { SIGNATURE_DEFAULTS, type SignatureCheck, timestampProblem } from '../../http/signed-request.ts';

/** The application's Ed25519 public key, from the 64 hex digits Discord shows as "Public Key". */
export function publicKeyFromHex(hex: string): KeyObject {
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/**
 * Whether `signature` (X-Signature-Ed25519, hex) signs `timestamp` (X-Signature-Timestamp, seconds) followed
 * by the raw body, and the timestamp is within 5 minutes of `now`, as Slack's rule is: a captured request
 * cannot be replayed later. Anything missing or malformed is simply not a valid signature.
 */
export function checkDiscordSignature(
  key: KeyObject,
  request: { signature: string | undefined; timestamp: string | undefined; body: Buffer },
  now: Date,
  toleranceMs: number = SIGNATURE_DEFAULTS.toleranceMs,
): SignatureCheck {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'missing headers' };
  }
  const problem = timestampProblem(timestamp, now, toleranceMs);
  if (problem) return problem;
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  try {
    if (verify(null, signed, key, Buffer.from(signature, 'hex'))) return { ok: true };
  } catch {
    // A key or signature Node cannot read is a mismatch like any other.
  }
  return { ok: false, reason: 'signature mismatch' };
}
