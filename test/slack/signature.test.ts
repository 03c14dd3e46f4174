import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackSignature } from '../../src/adapters/slack/http/signature.ts';
import { SlackHarness, sign } from './support/harness.ts';
import { slashCommand } from './support/payloads.ts';
import { quizDecks } from './support/store.ts';

/** Slack's documented example: https://docs.slack.dev/authentication/verifying-requests-from-slack */
const DOCUMENTED = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
    '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
} as const;
const SIGNED_AT = new Date(Number(DOCUMENTED.timestamp) * 1_000);
const MINUTE = 60_000;

function check(overrides: {
  body?: string;
  timestamp?: string;
  signature?: string;
  now?: Date;
  secret?: string;
}) {
  return checkSlackSignature(
    {
      timestamp: overrides.timestamp ?? DOCUMENTED.timestamp,
      signature: overrides.signature ?? DOCUMENTED.signature,
      rawBody: Buffer.from(overrides.body ?? DOCUMENTED.body),
    },
    overrides.secret ?? DOCUMENTED.secret,
    overrides.now ?? SIGNED_AT,
  );
}

describe('checkSlackSignature', () => {
  it("GIVEN Slack's documented example and a clock at its timestamp THEN the signature is valid", () => {
    expect(check({})).toEqual({ ok: true });
  });

  it('GIVEN a timestamp exactly 5 minutes away either way THEN it is still accepted', () => {
    expect(check({ now: new Date(SIGNED_AT.getTime() + 5 * MINUTE) })).toEqual({ ok: true });
    expect(check({ now: new Date(SIGNED_AT.getTime() - 5 * MINUTE) })).toEqual({ ok: true });
  });

  it('GIVEN a timestamp more than 5 minutes old THEN it is stale', () => {
    expect(check({ now: new Date(SIGNED_AT.getTime() + 5 * MINUTE + 1_000) })).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('GIVEN a timestamp more than 5 minutes ahead THEN it is refused as from the future', () => {
    expect(check({ now: new Date(SIGNED_AT.getTime() - 5 * MINUTE - 1_000) })).toEqual({
      ok: false,
      reason: 'from the future',
    });
  });

  it('GIVEN a changed body, timestamp or secret THEN the signature does not match', () => {
    const mismatch = { ok: false, reason: 'signature mismatch' };
    expect(check({ body: DOCUMENTED.body.replace('text=', 'text=quiz') })).toEqual(mismatch);
    expect(check({ timestamp: '1531420619' })).toEqual(mismatch);
    expect(check({ secret: 'another-secret' })).toEqual(mismatch);
  });

  it('GIVEN missing or malformed headers THEN the request is refused', () => {
    const missing = { ok: false, reason: 'missing headers' };
    expect(check({ signature: '' })).toEqual(missing);
    expect(
      check({ signature: 'v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503' }),
    ).toEqual(missing);
    expect(check({ signature: 'v0=zz' })).toEqual(missing);
    expect(check({ timestamp: 'yesterday' })).toEqual(missing);
  });
});

describe('POST /slack/events: the documented request through the real receiver', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start({ decks: [], secret: DOCUMENTED.secret, start: SIGNED_AT.toISOString() });
  });
  afterAll(() => h.close());

  const send = (body: string = DOCUMENTED.body) =>
    h.post(body, { timestamp: DOCUMENTED.timestamp, signature: DOCUMENTED.signature });

  it('GIVEN the injected clock at its timestamp THEN it is accepted (200)', async () => {
    h.clock.set(SIGNED_AT);
    expect((await send()).status).toBe(200);
  });

  it('GIVEN the clock 5 minutes and a second later THEN it is stale: 401', async () => {
    h.clock.set(new Date(SIGNED_AT.getTime() + 5 * MINUTE + 1_000));
    expect((await send()).status).toBe(401);
  });

  it('GIVEN the clock 5 minutes and a second earlier THEN it is from the future: 401', async () => {
    h.clock.set(new Date(SIGNED_AT.getTime() - 5 * MINUTE - 1_000));
    expect((await send()).status).toBe(401);
  });

  it('GIVEN a tampered body THEN 401', async () => {
    h.clock.set(SIGNED_AT);
    expect((await send(DOCUMENTED.body.replace('user_id=U2CERLKJA', 'user_id=U0ADMIN'))).status).toBe(401);
  });
});

describe('POST /slack/events: refused requests never reach a listener', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start({ decks: quizDecks() });
  });
  afterAll(() => h.close());

  const quiz = () => slashCommand('quiz', { user: 'U200', responseUrl: h.fake.responseUrl('U200') });
  const now = () => Math.floor(h.clock.now().getTime() / 1_000);

  it('GIVEN a stale, a future, a tampered and an unsigned /mnemo quiz THEN each gets 401 and nothing is answered or stored', async () => {
    const stale = now() - 301;
    const future = now() + 301;
    const replies = [
      await h.post(quiz(), { timestamp: stale, signature: sign('test-signing-secret', stale, quiz()) }),
      await h.post(quiz(), { timestamp: future, signature: sign('test-signing-secret', future, quiz()) }),
      await h.post(quiz(), {
        signature: sign('test-signing-secret', now(), quiz().replace('quiz', 'stats')),
      }),
      await h.post(quiz(), { signature: '' }),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401]);
    expect(
      h.logs.filter((line) => line.msg.startsWith('refused a Slack request')).map((line) => line.reason),
    ).toEqual(['stale', 'from the future', 'signature mismatch', 'missing headers']);
    expect(h.finished()).toBe(0);
    expect(h.fake.responses).toEqual([]);
  });

  it('GIVEN the same request signed now THEN it goes through', async () => {
    const reply = await h.interact(quiz());
    expect(reply.status).toBe(200);
    expect(h.fake.responsesTo('U200')).toHaveLength(1);
  });

  it("GIVEN Slack's url_verification THEN the challenge comes back, but only when signed", async () => {
    const body = JSON.stringify({ token: 'unused', challenge: 'c-123', type: 'url_verification' });
    const signed = await h.post(body, { contentType: 'application/json' });
    expect(signed).toEqual({ status: 200, text: '{"challenge":"c-123"}' });
    expect(
      (await h.post(body, { contentType: 'application/json', signature: `v0=${'0'.repeat(64)}` })).status,
    ).toBe(401);
  });

  it('GIVEN a GET THEN 405', async () => {
    expect((await fetch(h.eventsUrl)).status).toBe(405);
    expect(h.httpErrors).toEqual([]);
  });
});
