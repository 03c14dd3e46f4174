import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import { bodyOf, headerOf, type RouteHandler, sendJson } from './server.ts';
import { SIGNATURE_DEFAULTS, type SignatureCheck, timestampProblem } from './signed-request.ts';

/** An Ed25519 public key from its 64 hex digits (as Discord shows an application's "Public Key"). */
export function publicKeyFromHex(hex: string): KeyObject {
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/**
 * Whether `signature` (128 hex digits) signs `timestamp` (seconds) followed by the raw body, and the timestamp
 * is within `toleranceMs` of `now`: a captured request cannot be replayed later. Anything missing or
 * malformed is simply not a valid signature.
 */
export function checkEd25519Signature(
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

export interface Ed25519RouteOptions {
  /** Names the platform in the log line of a refused request. */
  platform: string;
  publicKey: KeyObject;
  /** The headers the signature and its timestamp come in. */
  headers: { signature: string; timestamp: string };
  clock: Clock;
  log: Logger;
  /** Takes the JSON payload and must answer through `reply` (200 with that JSON body). */
  handle(payload: unknown, reply: (body: unknown) => Promise<void>): Promise<void>;
}

/**
 * A `POST` webhook signed with Ed25519 over its raw body: 405 for another method, 413 for a body over the
 * limit, 401 when the signature is missing, wrong or more than 5 minutes from now, 400 when it is not JSON.
 * Nothing is kept in memory between requests, so any replica can take any request.
 */
export function ed25519Route(options: Ed25519RouteOptions): RouteHandler {
  const { platform, publicKey, headers, clock, log } = options;
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    const body = await bodyOf(request, response, log);
    if (body === null) return;
    const signed = {
      signature: headerOf(request, headers.signature),
      timestamp: headerOf(request, headers.timestamp),
    };
    const check = checkEd25519Signature(publicKey, { ...signed, body }, clock.now());
    if (!check.ok) {
      log.warn(
        { path: request.url, reason: check.reason },
        `${platform}: request with a missing, bad or stale signature refused`,
      );
      sendJson(response, 401, { error: 'invalid request signature' });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, { error: 'body is not JSON' });
      return;
    }
    await options.handle(payload, async (reply) => {
      if (!response.headersSent) sendJson(response, 200, reply);
    });
    // The handler always answers; this is the last guard against a request left open.
    if (!response.headersSent) sendJson(response, 500, { error: 'no answer' });
  };
}
