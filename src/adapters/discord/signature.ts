import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The application's Ed25519 public key, from the 64 hex digits Discord shows as "Public Key". */
export function publicKeyFromHex(hex: string): KeyObject {
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/**
 * True when `signature` (X-Signature-Ed25519, hex) signs `timestamp` (X-Signature-Timestamp) followed by
 * the raw body. Anything missing or malformed is simply not a valid signature.
 */
export function isSignedByDiscord(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  try {
    return verify(null, signed, key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
