import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import { type RouteHandler, sendJson } from './server.ts';
import type { SignatureScheme } from './signed-request.ts';
import { signedRoute } from './signed-route.ts';

/** An Ed25519 public key from its 64 hex digits (as Discord shows an application's "Public Key"). */
export function publicKeyFromHex(hex: string): KeyObject {
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** Ed25519 (128 hex digits) over the timestamp (seconds) followed by the raw body, in the given headers. */
export function ed25519Scheme(key: KeyObject, headers: SignatureScheme['headers']): SignatureScheme {
  return {
    headers,
    format: /^[0-9a-fA-F]{128}$/,
    verify: (signature, timestamp, body) =>
      verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex')),
  };
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

/** A `POST` webhook of JSON signed with Ed25519 over its raw body; see `signedRoute` for its answers. */
export function ed25519Route(options: Ed25519RouteOptions): RouteHandler {
  const { platform, publicKey, headers, clock, log } = options;
  return signedRoute({
    platform,
    scheme: ed25519Scheme(publicKey, headers),
    clock,
    log,
    parse: (body): unknown => JSON.parse(body.toString('utf8')),
    handle: (payload, _request, response) =>
      options.handle(payload, async (reply) => {
        if (!response.headersSent) sendJson(response, 200, reply);
      }),
  });
}
