import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../../core/clock.ts';
import { bodyOf, type RouteHandler, sendJson } from '../../../http/server.ts';
import { readSlackBody, type SlackBody } from './body.ts';
import { checkSlackSignature } from './signature.ts';

export const RECEIVER_DEFAULTS = {
  /** Slack gives up on a request after 3 s; a listener that has not acknowledged by then is answered 200. */
  ackTimeoutMs: 2_500, // ms
} as const;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  clock: Clock;
  log: Logger;
  ackTimeoutMs?: number;
}

/**
 * A Bolt receiver behind Mnemo's shared HTTP server: `handle` is the route for `POST /slack/events`. It checks
 * the signature over the raw body against the injected clock (refusing stale *and* future timestamps), then
 * hands the request to Bolt's `App.processEvent`; the listener's `ack()` writes the HTTP answer.
 */
export class SlackHttpReceiver implements Receiver {
  readonly #signingSecret: string;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #ackTimeoutMs: number;
  #app: App | null = null;

  constructor(options: SlackHttpReceiverOptions) {
    this.#signingSecret = options.signingSecret;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#ackTimeoutMs = options.ackTimeoutMs ?? RECEIVER_DEFAULTS.ackTimeoutMs;
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Nothing to open: the shared server on PORT routes requests to `handle`. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  readonly handle: RouteHandler = (request, response) => this.#handle(request, response);

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    const rawBody = await bodyOf(request, response, this.#log);
    if (rawBody === null) return;
    const read = readSlackBody(rawBody, header(request, 'content-type'));
    if (read.sslCheck) {
      answer(response, undefined);
      return;
    }
    const check = checkSlackSignature(
      {
        timestamp: header(request, 'x-slack-request-timestamp'),
        signature: header(request, 'x-slack-signature'),
        rawBody,
      },
      this.#signingSecret,
      this.#clock.now(),
    );
    if (!check.ok) {
      this.#log.warn({ reason: check.reason }, 'refused a Slack request: bad signature or timestamp');
      sendJson(response, 401, { error: 'invalid signature' });
      return;
    }
    let body: SlackBody;
    try {
      body = read.parse();
    } catch {
      sendJson(response, 400, { error: 'malformed body' });
      return;
    }
    if (body.type === 'url_verification') {
      sendJson(response, 200, { challenge: body.challenge });
      return;
    }
    await this.#dispatch(body, request, response);
  }

  async #dispatch(body: SlackBody, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const app = this.#app;
    if (!app) throw new Error('the Slack receiver got a request before Bolt initialised it');
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      this.#log.warn(
        { after: this.#ackTimeoutMs },
        'a Slack request was not acknowledged in time; answered 200',
      );
      answer(response, undefined);
    }, this.#ackTimeoutMs);
    let acked = false;
    const retryNum = Number.parseInt(header(request, 'x-slack-retry-num') ?? '', 10);
    const retryReason = header(request, 'x-slack-retry-reason');
    const event: ReceiverEvent = {
      body,
      ack: async (reply?: unknown) => {
        if (acked) throw new ReceiverMultipleAckError();
        acked = true;
        clearTimeout(timer);
        answer(response, reply);
      },
      ...(Number.isNaN(retryNum) ? {} : { retryNum }),
      ...(retryReason ? { retryReason } : {}),
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      this.#log.error({ err: error }, 'Bolt failed to process a Slack request');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    } finally {
      clearTimeout(timer);
      // No listener took it (an unknown command, an event nobody subscribes to): still answer.
      if (!response.headersSent) answer(response, undefined);
    }
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Writes an `ack()` reply: nothing, a text, or a JSON object (`response_action`, an immediate message). */
function answer(response: ServerResponse, reply: unknown): void {
  if (response.headersSent) return;
  if (reply === undefined || reply === null || reply === '') {
    response.writeHead(200);
    response.end();
  } else if (typeof reply === 'string') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(reply);
  } else {
    sendJson(response, 200, reply);
  }
}
