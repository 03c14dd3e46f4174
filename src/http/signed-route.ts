import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import { answer } from './request.ts';
import { bodyOf, headerOf, type RouteHandler, sendJson } from './server.ts';
import { checkSignature, type SignatureScheme } from './signed-request.ts';

export interface SignedRouteOptions<Payload> {
  /** Names the platform in the log line of a refused request. */
  platform: string;
  scheme: SignatureScheme;
  clock: Clock;
  log: Logger;
  /** A request answered 200 with no signature and nothing processed (Slack's SSL check). */
  unsigned?: (body: Buffer, request: IncomingMessage) => boolean;
  /** The payload in the raw body; throws when there is none (answered 400). */
  parse(body: Buffer, request: IncomingMessage): Payload;
  /** Must answer; a request it leaves open is answered 500. */
  handle(payload: Payload, request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/**
 * A `POST` webhook signed over its raw body: 405 for another method, 413 for a body over the limit, 401 when the
 * signature is missing, wrong or more than 5 minutes from now, 400 when the body holds no payload. Nothing is
 * kept in memory between requests, so any replica can take any request.
 */
export function signedRoute<Payload>(options: SignedRouteOptions<Payload>): RouteHandler {
  const { platform, scheme, clock, log } = options;
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return sendJson(response, 405, { error: 'method not allowed' });
    }
    const body = await bodyOf(request, response, log);
    if (body === null) return;
    if (options.unsigned?.(body, request)) return answer(response);
    const signed = {
      signature: headerOf(request, scheme.headers.signature),
      timestamp: headerOf(request, scheme.headers.timestamp),
      body,
    };
    const check = checkSignature(scheme, signed, clock.now());
    if (!check.ok) {
      log.warn(
        { path: request.url, reason: check.reason },
        `refused a ${platform} request: bad signature or timestamp`,
      );
      return sendJson(response, 401, { error: 'invalid request signature' });
    }
    let payload: Payload;
    try {
      payload = options.parse(body, request);
    } catch {
      return sendJson(response, 400, { error: 'malformed body' });
    }
    await options.handle(payload, request, response);
    // The handler always answers; this is the last guard against a request left open.
    if (!response.headersSent) sendJson(response, 500, { error: 'no answer' });
  };
}
