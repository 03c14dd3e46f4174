import { createHmac, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { SlackAdapter } from '../../../src/adapters/slack/index.ts';
import { buildBot } from '../../../src/bot.ts';
import type { SlackOAuthConfig } from '../../../src/config/slack.ts';
import type { Community } from '../../../src/core/community/community.ts';
import type { Deck } from '../../../src/core/deck/card.ts';
import type { Quiz } from '../../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../../src/db/deck-sync.ts';
import type { StatementObserver } from '../../../src/db/statement-observer.ts';
import { type HttpServer, startHttpServer } from '../../../src/http/server.ts';
import { freshDatabase, type TestDatabase } from '../../support/database.ts';
import { TestClock } from '../../support/fixtures.ts';
import { FakeSlack } from './fake-slack.ts';
import {
  appHomeOpened,
  type ButtonClick,
  blockAction,
  interaction,
  slashCommand,
  viewSubmission,
  type Who,
} from './payloads.ts';

export const SECRET = 'test-signing-secret';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Reply {
  status: number;
  text: string;
}

/** Signs a body as Slack does: v0, HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function sign(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface HarnessOptions {
  decks: Deck[];
  start?: string;
  secret?: string;
  command?: string;
  /** Many workspaces: no bot token of its own, installs through OAuth against the fake. */
  oauth?: SlackOAuthConfig;
  /** OAuth: told of each workspace installed (its tenant id). */
  onInstalled?: (tenantId: string) => Promise<unknown>;
  /** Told of every statement the database gets. */
  observe?: StatementObserver;
}

/**
 * Mnemo's Slack adapter for real: a fresh database, core, the adapter's route on the shared HTTP server, and a
 * fake Slack API that records what the app sends. Requests are signed like Slack signs them.
 */
export class SlackHarness {
  readonly fake = new FakeSlack();
  readonly logs: LogLine[] = [];
  /** What the adapter waited for (pacing, Retry-After), in ms; waiting moves the test clock instead. */
  readonly sleeps: number[] = [];
  /** Errors that escaped a route handler (there should be none). */
  readonly httpErrors: unknown[] = [];
  clock!: TestClock;
  db!: TestDatabase;
  quiz!: Quiz;
  community!: Community;
  adapter!: SlackAdapter;
  #server!: HttpServer;
  #secret = SECRET;

  static async start(options: HarnessOptions): Promise<SlackHarness> {
    const harness = new SlackHarness();
    await harness.#start(options);
    return harness;
  }

  async #start(options: HarnessOptions): Promise<void> {
    this.#secret = options.secret ?? SECRET;
    this.clock = new TestClock(options.start ?? '2026-05-04T09:00:00Z');
    this.db = await freshDatabase(options.observe ? { observe: options.observe } : {});
    await syncDecks(this.db.db, options.decks, []);
    await this.fake.start();
    const log = pino({ level: 'debug' }, { write: (line: string) => this.logs.push(JSON.parse(line)) });
    const bot = await buildBot({
      config: {
        discord: null,
        slack: {
          botToken: options.oauth ? null : 'xoxb-test-token',
          oauth: options.oauth ?? null,
          connection: { mode: 'http', signingSecret: this.#secret },
          command: options.command ?? '/mnemo',
          apiUrl: this.fake.apiUrl,
        },
        deliveryLeaseMs: 60_000,
        databasePoolSize: 1,
      },
      connection: this.db,
      clock: this.clock,
      newId: randomUUID,
      log,
      tuning: {
        slack: {
          sleep: async (ms) => {
            this.sleeps.push(ms);
            this.clock.advance(ms);
          },
          ...(options.onInstalled ? { onInstalled: options.onInstalled } : {}),
        },
      },
    });
    if (!bot.slack) throw new Error('a Slack configuration builds a Slack adapter');
    this.quiz = bot.quiz;
    this.community = bot.community;
    this.adapter = bot.slack;
    this.#server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      routes: this.adapter.routes,
      onError: (error) => {
        this.httpErrors.push(error);
      },
    });
    await this.adapter.start();
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.#server.close();
    await this.fake.close();
    await this.db.dispose();
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.#server.port}/slack/events`;
  }

  /** The address of one of the adapter's routes on the test server, e.g. `/slack/install`. */
  url(path: string): string {
    return `http://127.0.0.1:${this.#server.port}${path}`;
  }

  /** POSTs a body to /slack/events, signed now unless told otherwise. */
  async post(
    body: string,
    options: {
      contentType?: string;
      timestamp?: number | string;
      signature?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> {
    const timestamp = options.timestamp ?? Math.floor(this.clock.now().getTime() / 1_000);
    const response = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': options.signature ?? sign(this.#secret, timestamp, body),
        ...options.headers,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  /** Interactions the adapter has finished (each ends with one log line). */
  finished(): number {
    return this.logs.filter(
      (line) => line.msg === 'slack interaction' || line.msg === 'slack interaction failed',
    ).length;
  }

  /** Sends a signed request and waits until its listener has finished its work, not only acknowledged. */
  async interact(body: string, options: Parameters<SlackHarness['post']>[1] = {}): Promise<Reply> {
    const before = this.finished();
    const reply = await this.post(body, options);
    await this.fake.until(() => this.finished() > before, 'the listener to finish');
    return reply;
  }

  /** `/mnemo <text>` from `who`; its replies go to the response_url named `who.user`. */
  command(text: string, who: Who & { command?: string }): Promise<Reply> {
    return this.interact(slashCommand(text, { ...who, responseUrl: this.fake.responseUrl(who.user) }));
  }

  click(click: ButtonClick): Promise<Reply> {
    return this.interact(interaction(blockAction(click)));
  }

  submit(submission: Parameters<typeof viewSubmission>[0]): Promise<Reply> {
    return this.interact(interaction(viewSubmission(submission)));
  }

  homeOpened(eventId: string, user: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.interact(JSON.stringify(appHomeOpened(eventId, user)), {
      contentType: 'application/json',
      headers,
    });
  }

  /** The last reply posted to `who`'s response_url. */
  lastResponse(user: string): Record<string, unknown> {
    const replies = this.fake.responsesTo(user);
    const last = replies.at(-1);
    if (!last) throw new Error(`no reply was posted to ${user}'s response_url`);
    return last;
  }
}

interface ButtonElement {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every button in a message's or view's blocks. */
export function buttonsIn(message: Record<string, unknown>): ButtonElement[] {
  const blocks = (message.blocks ?? []) as { type: string; elements?: ButtonElement[] }[];
  return blocks.flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).filter((e) => e.type === 'button') : [],
  );
}

export function buttonIn(message: Record<string, unknown>, actionId: string): ButtonElement {
  const found = buttonsIn(message).find((button) => button.action_id === actionId);
  if (!found) {
    throw new Error(
      `no button ${actionId} in ${buttonsIn(message)
        .map((b) => b.action_id)
        .join(', ')}`,
    );
  }
  return found;
}

/** All the text of a message's blocks, as Slack would render it (before unescaping). */
export function textOf(message: Record<string, unknown>): string {
  return JSON.stringify(message.blocks ?? []);
}
