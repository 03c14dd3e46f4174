import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import { bodyOf, type RouteHandler, sendJson } from '../../http/server.ts';
import type { Dispatcher } from './dispatcher.ts';
import { checkDiscordSignature } from './signature.ts';

export const INTERACTIONS_PATH = '/discord/interactions';

/**
 * `POST /discord/interactions`: Discord's interactions endpoint. Each request's signature is checked over
 * its raw body first (401 when missing, wrong, or more than 5 minutes from now); the interaction's first response is the HTTP response.
 * Nothing is kept in memory between requests, so any replica can take any request.
 */
export function interactionsEndpoint(options: {
  publicKey: KeyObject;
  clock: Clock;
  dispatcher: Dispatcher;
  log: Logger;
}): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    const body = await bodyOf(request, response, options.log);
    if (body === null) return;
    const check = checkDiscordSignature(
      options.publicKey,
      {
        signature: header(request, 'x-signature-ed25519'),
        timestamp: header(request, 'x-signature-timestamp'),
        body,
      },
      options.clock.now(),
    );
    if (!check.ok) {
      options.log.warn(
        { path: INTERACTIONS_PATH, reason: check.reason },
        'discord: request with a missing, bad or stale signature refused',
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
    await options.dispatcher.handle(payload, async (reply) => {
      if (!response.headersSent) sendJson(response, 200, reply);
    });
    // The dispatcher always answers; this is the last guard against a request left open.
    if (!response.headersSent) sendJson(response, 500, { error: 'no answer' });
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
