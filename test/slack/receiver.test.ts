import type { App, ReceiverEvent } from '@slack/bolt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHttpReceiver } from '../../src/adapters/slack/http/receiver.ts';
import { type HttpServer, startHttpServer } from '../../src/http/server.ts';
import { TestClock } from '../support/fixtures.ts';
import { sign } from './support/harness.ts';

const SECRET = 'receiver-secret';
const clock = new TestClock('2026-05-04T09:00:00Z');
const warnings: string[] = [];
const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });

/** What the stand-in for Bolt's App does with the next request. */
let processEvent: (event: ReceiverEvent) => Promise<void> = async () => {};
const received: ReceiverEvent[] = [];
let server: HttpServer;

beforeAll(async () => {
  const receiver = new SlackHttpReceiver({ signingSecret: SECRET, clock, log, ackTimeoutMs: 20 });
  receiver.init({
    processEvent: (event: ReceiverEvent) => {
      received.push(event);
      return processEvent(event);
    },
  } as unknown as App);
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: { '/slack/events': receiver.handle },
    onError: () => {},
  });
});
afterAll(() => server.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const timestamp = Math.floor(clock.now().getTime() / 1_000);
  const response = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SECRET, timestamp, body),
      ...headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('SlackHttpReceiver', () => {
  it("GIVEN a listener that acks with a body THEN that body is the HTTP answer, and the form's payload JSON is what Bolt gets", async () => {
    processEvent = (event) => event.ack({ response_action: 'errors', errors: { a: 'b' } });
    const payload = { type: 'view_submission', view: { callback_id: 'x' } };
    const reply = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(reply).toEqual({ status: 200, text: '{"response_action":"errors","errors":{"a":"b"}}' });
    expect(received.at(-1)?.body).toEqual(payload);
  });

  it('GIVEN a listener that has not acked in time THEN Slack still gets 200, and it is logged', async () => {
    let release = () => {};
    processEvent = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const reply = await post('command=%2Fmnemo&text=quiz');
    release();
    expect(reply).toEqual({ status: 200, text: '' });
    expect(warnings).toContain('a Slack request was not acknowledged in time; answered 200');
  });

  it('GIVEN Bolt failing before any ack THEN 500, never silence', async () => {
    processEvent = async () => {
      throw new Error('boom');
    };
    expect((await post('command=%2Fmnemo&text=quiz')).status).toBe(500);
  });

  it('GIVEN a retry of an event THEN Bolt gets its retry number and reason', async () => {
    processEvent = (event) => event.ack();
    await post(JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }), {
      'content-type': 'application/json',
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(received.at(-1)).toMatchObject({
      retryNum: 2,
      retryReason: 'http_timeout',
      body: { event_id: 'Ev1' },
    });
  });

  it('GIVEN a second ack from a listener THEN it is refused as Bolt refuses it', async () => {
    let second: unknown = null;
    processEvent = async (event) => {
      await event.ack();
      second = await event.ack().catch((error: unknown) => error);
    };
    expect((await post('command=%2Fmnemo')).status).toBe(200);
    expect(second).toBeInstanceOf(Error);
  });
});
