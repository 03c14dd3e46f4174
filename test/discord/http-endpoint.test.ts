import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/people.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgInboundEvents } from '../../src/db/inbound-events.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { prompts, reviews, users } from '../../src/db/schema.ts';
import { buttonId, EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  APP_ID,
  buttonClick,
  modalSubmit,
  PING,
  STRING,
  sentMessage,
  slashCommand,
  type TestUser,
} from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

const storedReviews = (user: TestUser) => world.storedRows(user, reviews);

describe('POST /discord/interactions', () => {
  it('GIVEN signed requests THEN /quiz, the "Answer" click and the modal submit go through a whole review, each answered with a response Discord renders', async () => {
    const user = world.newUser();
    const quiz = await bot.post(
      JSON.stringify(slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'typed' }], { user })),
    );
    expect(quiz.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: response JSON
    const card = quiz.body as any;
    expect(card).toMatchObject({
      type: RESPONSE.MESSAGE,
      data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } },
    });

    const modal = await bot.send(
      buttonClick(buttonId(card.data, 'Answer'), sentMessage(card.data), { user }),
    );
    expect(modal).toMatchObject({ type: RESPONSE.MODAL, data: { title: 'Your answer' } });

    world.clock.advance(8_000);
    const verdict = await bot.send(
      modalSubmit(modal.data.custom_id, 'a container', sentMessage(card.data), { user }),
    );
    expect(verdict).toMatchObject({ type: RESPONSE.UPDATE, data: { allowed_mentions: { parse: [] } } });
    expect(verdict.data.content).toContain('✅ **Correct!**');
    expect(await storedReviews(user)).toBe(1);
  });

  it('GIVEN PING THEN PONG', async () => {
    expect(await bot.post(JSON.stringify(PING))).toEqual({ status: 200, body: { type: RESPONSE.PONG } });
  });

  it.each([
    ['a forged signature', 'forged'],
    ['no signature', 'none'],
    ['a signature of another body', 'other body'],
  ] as const)('GIVEN %s THEN 401, and nothing is handled or stored', async (_name, signing) => {
    const user = world.newUser();
    const callsBefore = world.fake.calls.length;
    const response = await bot.post(JSON.stringify(slashCommand('quiz', [], { user })), signing);
    expect(response).toEqual({ status: 401, body: { error: 'invalid request signature' } });
    const [shown] = await world.db.db
      .select({ n: count() })
      .from(prompts)
      .innerJoin(users, eq(users.id, prompts.userId))
      .where(eq(users.externalId, user.id));
    expect(shown?.n ?? 0).toBe(0);
    expect(world.fake.calls.length).toBe(callsBefore);
  });

  it('GIVEN a forged PING THEN 401 too: Discord checks that bad signatures are refused', async () => {
    expect((await bot.post(JSON.stringify(PING), 'forged')).status).toBe(401);
  });

  it('GIVEN a signed body that is not JSON THEN 400', async () => {
    expect((await bot.post('{"type": 1', 'valid')).status).toBe(400);
  });

  it('GIVEN a GET THEN 405', async () => {
    const response = await fetch(bot.url);
    expect(response.status).toBe(405);
  });

  it('GIVEN a signed payload that is not an interaction THEN a short ephemeral apology', async () => {
    const response = await bot.post(JSON.stringify({ type: 2, id: 'x' }));
    expect(response).toEqual({
      status: 200,
      body: {
        type: RESPONSE.MESSAGE,
        data: expect.objectContaining({ flags: EPHEMERAL, content: expect.stringContaining('Sorry') }),
      },
    });
  });
});

describe('requests no one should be able to hold the bot with', () => {
  const errorLines = () => world.logs.filter((line) => line.level >= 50);

  it.each([
    ['a year old', -365 * 24 * 3_600_000],
    ['6 minutes old', -6 * 60_000],
    ['6 minutes ahead', 6 * 60_000],
  ])('GIVEN a signature whose timestamp is %s THEN 401, as a replay', async (_name, offsetMs) => {
    const signedAt = new Date(world.clock.now().getTime() + offsetMs);
    const response = await bot.post(JSON.stringify(PING), 'valid', signedAt);
    expect(response).toEqual({ status: 401, body: { error: 'invalid request signature' } });
  });

  it('GIVEN a signature 4 minutes old THEN it is still taken', async () => {
    const signedAt = new Date(world.clock.now().getTime() - 4 * 60_000);
    expect((await bot.post(JSON.stringify(PING), 'valid', signedAt)).status).toBe(200);
  });

  it.each([
    ['signed', 'valid'],
    ['unsigned', 'none'],
  ] as const)(
    'GIVEN a %s 2 MB body THEN 413 before it is read, and no error in the log',
    async (_name, signing) => {
      const errorsBefore = errorLines().length;
      const huge = JSON.stringify({ ...PING, padding: 'x'.repeat(2 * 1_048_576) });
      expect(await bot.post(huge, signing)).toEqual({
        status: 413,
        body: { error: 'body over 1048576 bytes' },
      });
      expect(errorLines().length).toBe(errorsBefore);
    },
  );

  it('GIVEN a body streamed in chunks with no length THEN the server stops it soon after 1 MB, with 413 and no error', async () => {
    const errorsBefore = errorLines().length;
    // Resolves with the status, or with null when the server's close reset the connection before the
    // client read the 413 (a client still sending may see either). A server that read on would hang here.
    const status = await new Promise<number | null>((resolve) => {
      const request = httpRequest(bot.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? null);
      });
      request.on('error', () => resolve(null));
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!request.destroyed && request.write(chunk));
        if (!request.destroyed) request.once('drain', pump);
      };
      pump();
    });
    if (status !== null) expect(status).toBe(413);
    expect(errorLines().slice(errorsBefore)).toEqual([]);
  });

  it('GIVEN a client that disconnects mid-body THEN one debug line, and no error with a stack', async () => {
    const errorsBefore = errorLines().length;
    const debugBefore = world.logs.length;
    const socket = connect(Number(new URL(bot.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /discord/interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    const left = () =>
      world.logs.slice(debugBefore).find((line) => line.msg.includes('closed the connection before'));
    while (!left() && errorLines().length === errorsBefore)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errorLines().slice(errorsBefore)).toEqual([]);
    expect(left()).toMatchObject({ level: 20 });
  });
});

describe('within Discord’s 3 seconds', () => {
  /** A Quiz whose `next` or `answer` waits for the test: slow work, without a wall-clock sleep. */
  class SlowQuiz extends Quiz {
    release: () => void = () => {};
    readonly #slow: 'next' | 'answer';
    readonly #gate = new Promise<void>((resolve) => {
      this.release = resolve;
    });

    constructor(slow: 'next' | 'answer') {
      super({ store: new PgQuizStore(world.db), clock: world.clock, newId: randomUUID });
      this.#slow = slow;
    }

    override async next(...args: Parameters<Quiz['next']>) {
      if (this.#slow === 'next') await this.#gate;
      return super.next(...args);
    }

    override async answer(...args: Parameters<Quiz['answer']>) {
      if (this.#slow === 'answer') await this.#gate;
      return super.answer(...args);
    }
  }

  it('GIVEN a slow command THEN it is deferred at once (ephemeral "thinking…"), and the card replaces that when ready', async () => {
    const slow = new SlowQuiz('next');
    const slowBot = await world.httpBot({ quiz: slow, timing: { deferAfterMs: 20 } });
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], {
      user: world.newUser(),
    });
    const first = await slowBot.send(command);
    expect(first).toEqual({ type: RESPONSE.DEFERRED_MESSAGE, data: { flags: EPHEMERAL } });

    slow.release();
    const edit = await world.fake.waitFor(
      (call) =>
        call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${command.token}/messages/@original`,
    );
    expect(edit.body.content).toContain('Which network driver');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.components[0].components).toHaveLength(4);
    // The interaction token authorises the edit: the bot token is not sent with it.
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('GIVEN a slow answer to a button THEN the click is deferred as an update, and the card is edited into the verdict', async () => {
    const slow = new SlowQuiz('answer');
    const slowBot = await world.httpBot({ quiz: slow, timing: { deferAfterMs: 20 } });
    const user = world.newUser();
    // The card comes from a bot with the usual timing: under load, the command alone may pass 20 ms.
    const usual = await world.httpBot();
    const card = await usual.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user }),
    );
    const click = buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user });
    expect(await slowBot.send(click)).toEqual({ type: RESPONSE.DEFERRED_UPDATE });

    slow.release();
    const edit = await world.fake.waitFor(
      (call) =>
        call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${click.token}/messages/@original`,
    );
    expect(edit.body.content).toContain('✅ **Correct!**');
    expect(await storedReviews(user)).toBe(1);
  });
});

describe('the record that an interaction was handled', () => {
  /** Real inbound events whose completion waits for the test to let it through. */
  class SlowCompletion extends PgInboundEvents {
    release: () => void = () => {};
    readonly #gate = new Promise<void>((resolve) => {
      this.release = resolve;
    });

    override async complete(...args: Parameters<PgInboundEvents['complete']>) {
      await this.#gate;
      return super.complete(...args);
    }
  }

  it('GIVEN it is slow to write THEN the person has the answer without waiting for it, and a redelivery is still refused', async () => {
    const events = new SlowCompletion(world.db);
    const slowBot = await world.httpBot({ inboundEvents: events });
    const user = world.newUser();
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'typed' }], { user });
    const waited = new Promise<'still waiting'>((resolve) =>
      setTimeout(() => resolve('still waiting'), 5_000),
    );
    const card = await Promise.race([slowBot.send(command), waited]);
    expect(card).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    const again = await slowBot.send(command);
    expect(again.data.content).toBe('This was already handled.');
    events.release();
  });
});

describe('an unexpected error', () => {
  class BrokenQuiz extends Quiz {
    override stats(_person: Person): never {
      throw new Error('connection to the database lost');
    }
  }

  it('GIVEN a failure inside a command THEN a short ephemeral apology, and one log line with the cause', async () => {
    const broken = new BrokenQuiz({
      store: new PgQuizStore(world.db),
      clock: world.clock,
      newId: randomUUID,
    });
    const brokenBot = await world.httpBot({ quiz: broken });
    const errorsBefore = world.logs.filter((line) => line.level >= 50).length;
    const reply = await brokenBot.send(slashCommand('stats', [], { user: world.newUser() }));
    expect(reply).toEqual({
      type: RESPONSE.MESSAGE,
      data: expect.objectContaining({
        flags: EPHEMERAL,
        content: 'Sorry, something went wrong on our side. Please try again in a moment.',
        allowed_mentions: { parse: [] },
      }),
    });
    const errors = world.logs.filter((line) => line.level >= 50).slice(errorsBefore);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: 'discord interaction failed',
      command: '/stats',
      tenant: 'discord:1300000000000000100',
      cause: { message: 'connection to the database lost' },
    });
  });
});

describe('HTTP mode', () => {
  it('GIVEN the tests above THEN no gateway connection was ever opened', () => {
    expect(world.fake.calls.length).toBeGreaterThan(0);
    expect(world.fake.callsTo('GET', /^\/gateway/)).toEqual([]);
    expect(world.fake.gateway.identifies).toEqual([]);
  });
});

describe('the log', () => {
  it('GIVEN interactions THEN one line each with the tenant, the command and the time taken, and never a token', async () => {
    const command = slashCommand('deck', [{ name: 'list', type: 1, options: [] }], { user: world.newUser() });
    await bot.send(command);
    const line = world.logs.find(
      (entry) => entry.msg === 'discord interaction' && entry.command === '/deck list',
    );
    expect(line).toMatchObject({
      tenant: 'discord:1300000000000000100',
      command: '/deck list',
      ms: expect.any(Number),
    });
    const everything = JSON.stringify(world.logs);
    expect(everything).not.toContain(command.token);
    expect(everything).not.toContain('test-bot-token');
  });
});
