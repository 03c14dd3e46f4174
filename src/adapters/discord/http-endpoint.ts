import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { type RouteHandler, readBody, sendJson } from '../../http/server.ts';
import type { Dispatcher } from './dispatcher.ts';
import { isSignedByDiscord } from './signature.ts';

export const INTERACTIONS_PATH = '/discord/interactions';

/**
 * `POST /discord/interactions`: Discord's interactions endpoint. Each request's signature is checked over
 * its raw body first (401 when missing or wrong); the interaction's first response is the HTTP response.
 * Nothing is kept in memory between requests, so any replica can take any request.
 */
export function interactionsEndpoint(options: {
  publicKey: KeyObject;
  dispatcher: Dispatcher;
  log: Logger;
}): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    const body = await readBody(request);
    if (
      !isSignedByDiscord(
        options.publicKey,
        header(request, 'x-signature-ed25519'),
        header(request, 'x-signature-timestamp'),
        body,
      )
    ) {
      options.log.warn(
        { path: INTERACTIONS_PATH },
        'discord: request with a missing or bad signature refused',
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
