import { App, LogLevel, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Community } from '../../core/community/community.ts';
import type { Messenger } from '../../core/delivery/ports.ts';
import type { InboundEvents } from '../../core/quiz/inbound.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { RouteHandler } from '../../http/server.ts';
import { boltLogger } from './bolt/logger.ts';
import type { SlackConfig } from './config.ts';
import { chooseReceiver } from './connection.ts';
import { registerActions } from './handlers/actions.ts';
import { registerCommand } from './handlers/command.ts';
import type { ListenerDeps } from './handlers/deps.ts';
import { registerHome } from './handlers/home.ts';
import { registerViews } from './handlers/views.ts';
import { SlackMessenger } from './send/messenger.ts';
import { ChannelPacer } from './send/pacer.ts';
import { asMnemoError, SlackApi, type Sleep, webClientOptions } from './send/slack-api.ts';

export interface SlackAdapterDeps {
  config: SlackConfig;
  quiz: Quiz;
  community: Community;
  inboundEvents: InboundEvents;
  clock: Clock;
  log: Logger;
  /** How to wait out pacing and 429s; tests pass one that moves their clock. */
  sleep?: Sleep;
  /** HTTP mode: answer 200 when a listener has not acknowledged within this. */
  ackTimeoutMs?: number;
  /** Told the HTTP status of every failed Web API call (429 for rate limits), for metrics. */
  onPlatformError?: (status: number) => void;
}

export interface SlackAdapter {
  /** HTTP mode: `/slack/events` for the shared server on PORT. Socket Mode: none. */
  routes: Record<string, RouteHandler>;
  messenger: Messenger;
  /** Checks the bot token (`auth.test`) and, in Socket Mode, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Slack adapter: Bolt's App with Mnemo's listeners behind the chosen receiver, and delivery's messenger. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, clock } = deps;
  const { log } = deps;
  const sleep = deps.sleep ?? realSleep;
  const clientOptions = { ...webClientOptions(config.apiUrl), logger: boltLogger(log) };
  const api = new SlackApi(new webApi.WebClient(config.botToken, clientOptions), sleep, deps.onPlatformError);
  const messenger = new SlackMessenger({ api, pacer: new ChannelPacer(clock, sleep) });
  const { receiver, routes } = chooseReceiver(config.connection, {
    clock,
    log,
    ...(deps.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: deps.ackTimeoutMs }),
  });
  const app = new App({
    receiver,
    token: config.botToken,
    clientOptions,
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
    // Mnemo keeps no conversation state in memory: every button carries what it needs.
    convoStore: false,
    // auth.test runs once, in start(), instead of in the constructor or on every request.
    deferInitialization: true,
  });
  // Listeners have their own error boundary; this only sees failures before them (e.g. authorisation).
  app.error(async (error) => {
    log.error({ err: error }, 'Bolt failed before reaching a listener');
  });
  const listenerDeps: ListenerDeps = {
    quiz: deps.quiz,
    community: deps.community,
    inboundEvents: deps.inboundEvents,
    clock,
    log,
    api,
    messenger,
    command: config.command,
  };
  registerCommand(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  registerHome(app, listenerDeps);

  return {
    routes,
    messenger,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw asMnemoError('auth.test', error);
      }
      await app.start();
      log.info({ mode: config.connection.mode, command: config.command }, 'slack adapter started');
    },
    async stop() {
      await app.stop();
    },
  };
}
