import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../../core/clock.ts';
import { answer, formFields, jsonObject } from '../../../http/request.ts';
import { bodyOf, headerOf as header, type RouteHandler, sendJson } from '../../../http/server.ts';
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
  readonly #options: Required<SlackHttpReceiverOptions>;
  #app: App | null = null;

  constructor(options: SlackHttpReceiverOptions) {
    this.#options = { ackTimeoutMs: RECEIVER_DEFAULTS.ackTimeoutMs, ...options };
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Nothing to open or close: the shared server on PORT routes requests to `handle`. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  readonly handle: RouteHandler = (request, response) => this.#handle(request, response);

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { log, signingSecret, clock } = this.#options;
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'method not allowed' });
    const rawBody = await bodyOf(request, response, log);
    if (rawBody === null) return;
    const form = formFields(rawBody, header(request, 'content-type'));
    // Slack's SSL check is unsigned and carries nothing to process.
    if (form?.ssl_check === '1') return answer(response);
    const timestamp = header(request, 'x-slack-request-timestamp');
    const signature = header(request, 'x-slack-signature');
    const check = checkSlackSignature({ timestamp, signature, rawBody }, signingSecret, clock.now());
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'refused a Slack request: bad signature or timestamp');
      return sendJson(response, 401, { error: 'invalid signature' });
    }
    let body: Record<string, unknown>;
    try {
      // Slash commands: form fields; interactions: JSON in `payload=`; the Events API: JSON.
      const json = form === null ? rawBody.toString('utf8') : form.payload;
      body = json === undefined ? (form ?? {}) : jsonObject(json);
    } catch {
      return sendJson(response, 400, { error: 'malformed body' });
    }
    if (body.type === 'url_verification') return sendJson(response, 200, { challenge: body.challenge });
    await this.#dispatch(body, request, response);
  }

  async #dispatch(body: ReceiverEvent['body'], request: IncomingMessage, response: ServerResponse) {
    const { log, ackTimeoutMs } = this.#options;
    const app = this.#app;
    if (!app) throw new Error('the Slack receiver got a request before Bolt initialised it');
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      log.warn({ after: ackTimeoutMs }, 'a Slack request was not acknowledged in time; answered 200');
      answer(response);
    }, ackTimeoutMs);
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
      log.error({ err: error }, 'Bolt failed to process a Slack request');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    } finally {
      clearTimeout(timer);
      // No listener took it (an unknown command, an event nobody subscribes to): still answer.
      answer(response);
    }
  }
}
