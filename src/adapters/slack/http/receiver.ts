import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../../core/clock.ts';
import { answer, formFields, jsonObject } from '../../../http/request.ts';
import { headerOf as header, type RouteHandler, sendJson } from '../../../http/server.ts';
import { signedRoute } from '../../../http/signed-route.ts';
import { slackScheme } from './signature.ts';

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
  readonly handle: RouteHandler;

  constructor(options: SlackHttpReceiverOptions) {
    this.#options = { ackTimeoutMs: RECEIVER_DEFAULTS.ackTimeoutMs, ...options };
    this.handle = this.#route();
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Nothing to open or close: the shared server on PORT routes requests to `handle`. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  #route(): RouteHandler {
    return signedRoute({
      platform: 'Slack',
      scheme: slackScheme(this.#options.signingSecret),
      clock: this.#options.clock,
      log: this.#options.log,
      // Slack's SSL check is unsigned and carries nothing to process. The form is read whole only when it
      // can be one: every other request would otherwise be parsed twice (here and in `parse`).
      unsigned: (body, request) =>
        body.includes('ssl_check=') && formFields(body, header(request, 'content-type'))?.ssl_check === '1',
      parse: (body, request) => {
        // Slash commands: form fields; interactions: JSON in `payload=`; the Events API: JSON.
        const form = formFields(body, header(request, 'content-type'));
        const json = form === null ? body.toString('utf8') : form.payload;
        return json === undefined ? (form ?? {}) : jsonObject(json);
      },
      handle: async (body, request, response) => {
        if (body.type === 'url_verification') return sendJson(response, 200, { challenge: body.challenge });
        await this.#dispatch(body, request, response);
      },
    });
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
