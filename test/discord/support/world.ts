import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { Writable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import { type Logger, pino } from 'pino';
import type { DiscordAdapter, DiscordAdapterDeps } from '../../../src/adapters/discord/index.ts';
import { type BotOptions, buildBot, type Bot as Mnemo } from '../../../src/bot.ts';
import type { CardMedia } from '../../../src/chat/card-media.ts';
import type { ReplyPictures } from '../../../src/chat/pictures.ts';
import type { DiscordConfig } from '../../../src/config/discord.ts';
import type { Community } from '../../../src/core/community/community.ts';
import type { Card, Deck } from '../../../src/core/deck/card.ts';
import type { InboundEvents } from '../../../src/core/quiz/inbound.ts';
import type { Quiz } from '../../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../../src/db/deck-sync.ts';
import { type prompts, type reviews, users } from '../../../src/db/schema.ts';
import { type HttpServer, startHttpServer } from '../../../src/http/server.ts';
import { freshDatabase, type TestDatabase } from '../../support/database.ts';
import { deckOf, TestClock, typedCard } from '../../support/fixtures.ts';
import { FakeDiscord } from './fake-discord.ts';
import { APP_ID, type TestUser } from './payloads.ts';

export const BOT_TOKEN = 'test-bot-token';

/** The cards the Discord tests play with: one deck per card kind, and cards that try to break a message. */
export function testDecks(): Deck[] {
  const choice = (id: string, question: string, options: string[], correctOption: number): Card => ({
    ...typedCard(id, options[correctOption] ?? ''),
    kind: 'choice',
    question,
    options,
    correctOption,
  });
  const self = (id: string, question: string, answer: string): Card => ({
    ...typedCard(id, answer),
    kind: 'self',
    question,
  });
  return [
    deckOf('typed', [
      typedCard('typed-container', 'container', {
        question: 'What is a running instance of a Docker image called?',
        note: 'An image is the template; a container runs it.',
      }),
    ]),
    deckOf('choice', [
      choice(
        'choice-network',
        'Which network driver does Docker use when you name none?',
        ['host', 'bridge', 'overlay', 'macvlan'],
        1,
      ),
    ]),
    deckOf('self', [
      self('self-layers', 'Why does Docker build images in layers?', 'Each instruction adds a cached layer.'),
    ]),
    deckOf('hostile', [
      typedCard('hostile-ping', '@everyone', {
        question:
          'Hey @everyone and @here and <@&1300000000000000555> and <@1300000000000001001>: # Big **bold** ||spoiler|| [click](https://evil.example) > quote',
        accept: ['everyone'],
        note: '# Heading\n> quote\n-# subtext\n- bullet\n1. numbered\n```js\nalert(1) // @everyone <@&1300000000000000555>\n```\nand __underline__ ~~strike~~ `code @here` *it* $x_1$',
      }),
    ]),
    deckOf('long', [
      self(
        'long-essay',
        'Explain the whole of Kubernetes.',
        `${'Pods and nodes and services. '.repeat(200)}THE END`,
      ),
    ]),
  ];
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Everything a Discord test needs: a real database and core, a fake Discord, a clock, and the logs. */
export class World {
  readonly db: TestDatabase;
  readonly clock = new TestClock('2026-05-04T09:00:00Z');
  quiz!: Quiz;
  community!: Community;
  readonly fake: FakeDiscord;
  readonly logs: LogLine[] = [];
  readonly log: Logger;
  readonly #closers: (() => Promise<void>)[] = [];
  #users = 0;

  private constructor(db: TestDatabase, fake: FakeDiscord) {
    this.db = db;
    this.fake = fake;
    const logs = this.logs;
    this.log = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n'))
            if (line) logs.push(JSON.parse(line) as LogLine);
          done();
        },
      }),
    );
  }

  static async start(
    decks: Deck[] = testDecks(),
    options: Parameters<typeof freshDatabase>[0] = {},
  ): Promise<World> {
    const db = await freshDatabase(options);
    await syncDecks(db.db, decks, []);
    const fake = await new FakeDiscord().start();
    const world = new World(db, fake);
    // The use cases the tests call directly, shared by every bot the world starts.
    const { quiz, community } = await world.#build({ discord: null });
    world.quiz = quiz;
    world.community = community;
    return world;
  }

  /** The bot as main.ts builds it, on this world's database, clock and log. */
  #build(
    config: { discord: DiscordConfig | null },
    parts: BotOptions['parts'] = {},
    tuning: BotOptions['tuning'] = {},
  ): Promise<Mnemo> {
    return buildBot({
      config: { ...config, slack: null, deliveryLeaseMs: 60_000, databasePoolSize: 1 },
      connection: this.db,
      clock: this.clock,
      newId: randomUUID,
      log: this.log,
      parts,
      tuning,
    });
  }

  /** How many rows of `table` (reviews, prompts) belong to the member. */
  async storedRows(user: TestUser, table: typeof reviews | typeof prompts): Promise<number> {
    const [row] = await this.db.db
      .select({ n: count() })
      .from(table)
      .innerJoin(users, eq(users.id, table.userId))
      .where(and(eq(users.platform, 'discord'), eq(users.externalId, user.id)));
    return row?.n ?? 0;
  }

  /** A member no other test has seen, so tests do not share progress. */
  newUser(name = 'member'): TestUser {
    this.#users += 1;
    return {
      id: `13000000000${String(100_000 + this.#users).padStart(8, '0')}`,
      username: `${name}${this.#users}`,
      global_name: `${name} ${this.#users}`,
    };
  }

  config(mode: 'http' | 'gateway', publicKey: string | null): DiscordConfig {
    return {
      mode,
      token: BOT_TOKEN,
      applicationId: APP_ID,
      publicKey,
      guildId: null,
      apiUrl: this.fake.apiUrl,
    };
  }

  async adapter(
    config: DiscordConfig,
    overrides: {
      quiz?: Quiz;
      inboundEvents?: InboundEvents;
      pictures?: ReplyPictures;
      cardMedia?: CardMedia;
      timing?: DiscordAdapterDeps['timing'];
    } = {},
  ): Promise<DiscordAdapter> {
    const { quiz = this.quiz, inboundEvents, pictures, cardMedia, timing } = overrides;
    const bot = await this.#build(
      { discord: config },
      {
        quiz,
        community: this.community,
        ...(inboundEvents ? { inboundEvents } : {}),
        ...(pictures ? { pictures } : {}),
        ...(cardMedia ? { cardMedia } : {}),
      },
      timing ? { discord: { timing } } : {},
    );
    const adapter = bot.discord;
    if (!adapter) throw new Error('a Discord configuration builds a Discord adapter');
    this.#closers.push(() => adapter.stop());
    return adapter;
  }

  /** The bot in HTTP mode, behind the shared HTTP server on a free port. */
  async httpBot(overrides: Parameters<World['adapter']>[1] = {}): Promise<HttpBot> {
    const keys = generateKeyPairSync('ed25519');
    const publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString(
      'hex',
    );
    const adapter = await this.adapter(this.config('http', publicKey), overrides);
    const server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: adapter.routes,
      onError: (error) => this.log.error({ err: error }, 'http error'),
    });
    this.#closers.unshift(() => server.close());
    return new HttpBot(adapter, server, keys.privateKey, this.clock);
  }

  /** The bot in gateway mode, logged in to the fake gateway. */
  async gatewayBot(overrides: Parameters<World['adapter']>[1] = {}): Promise<GatewayBot> {
    const adapter = await this.adapter(this.config('gateway', null), overrides);
    await adapter.start();
    await this.fake.gateway.ready();
    return new GatewayBot(adapter, this.fake);
  }

  async close(): Promise<void> {
    for (const close of this.#closers) await close();
    await this.fake.close();
    await this.db.dispose();
  }
}

/** An interaction response as JSON: tests read whatever the bot sent. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the bot
export type ResponseJson = any;

/** How Discord gets the first response to an interaction, whatever the mode. */
export interface Bot {
  readonly mode: 'http' | 'gateway';
  readonly adapter: DiscordAdapter;
  send(payload: { id: string; token: string }): Promise<ResponseJson>;
}

export class HttpBot implements Bot {
  readonly mode = 'http';
  readonly adapter: DiscordAdapter;
  readonly #server: HttpServer;
  readonly #privateKey: KeyObject;
  readonly #clock: TestClock;

  constructor(adapter: DiscordAdapter, server: HttpServer, privateKey: KeyObject, clock: TestClock) {
    this.adapter = adapter;
    this.#server = server;
    this.#privateKey = privateKey;
    this.#clock = clock;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#server.port}/discord/interactions`;
  }

  /** Signs and posts, as Discord does; the response body is the interaction response. */
  async send(payload: unknown): Promise<ResponseJson> {
    const response = await this.post(JSON.stringify(payload));
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Posts `body` signed as Discord signs it, at the test clock's time unless `signedAt` says otherwise. */
  async post(
    body: string,
    signing: 'valid' | 'forged' | 'none' | 'other body' = 'valid',
    signedAt: Date = this.#clock.now(),
  ): Promise<{ status: number; body: unknown }> {
    const timestamp = String(Math.floor(signedAt.getTime() / 1_000));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signing !== 'none') {
      const signed = signing === 'other body' ? body.replace('"type":', '"type" :') : body;
      let signature = sign(null, Buffer.from(timestamp + signed), this.#privateKey).toString('hex');
      // A forgery: a valid signature with one byte changed.
      if (signing === 'forged')
        signature = `${signature.slice(0, 10)}${signature[10] === 'a' ? 'b' : 'a'}${signature.slice(11)}`;
      headers['x-signature-ed25519'] = signature;
      headers['x-signature-timestamp'] = timestamp;
    }
    const response = await fetch(this.url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  }
}

export class GatewayBot implements Bot {
  readonly mode = 'gateway';
  readonly adapter: DiscordAdapter;
  readonly #fake: FakeDiscord;

  constructor(adapter: DiscordAdapter, fake: FakeDiscord) {
    this.adapter = adapter;
    this.#fake = fake;
  }

  /** Dispatches INTERACTION_CREATE through the gateway; returns the callback the bot posted to REST. */
  async send(payload: { id: string; token: string }): Promise<ResponseJson> {
    const from = this.#fake.calls.length;
    this.#fake.gateway.dispatch('INTERACTION_CREATE', payload);
    const callback = await this.#fake.waitFor(
      (call) =>
        call.method === 'POST' && call.path === `/interactions/${payload.id}/${payload.token}/callback`,
      from,
    );
    return callback.body;
  }
}
