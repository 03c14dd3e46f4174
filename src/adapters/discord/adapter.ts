import { RESTEvents } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { ChatPorts } from '../../chat/ports.ts';
import type { Messenger } from '../../core/delivery/ports.ts';
import type { RouteHandler } from '../../http/server.ts';
import { createRest, DiscordApi } from './api.ts';
import type { DiscordConfig } from './config.ts';
import { DEFAULT_TIMING, Dispatcher, type Timing } from './dispatcher.ts';
import { createGatewayClient, listenForInteractions } from './gateway.ts';
import { INTERACTIONS_PATH, interactionsEndpoint } from './http-endpoint.ts';
import { DiscordMessenger } from './messenger.ts';
import { publicKeyFromHex } from './signature.ts';

export interface DiscordAdapterDeps extends ChatPorts {
  config: DiscordConfig;
  log: Logger;
  /** Tests shorten these; the defaults suit Discord. */
  timing?: Partial<Timing>;
  /** Told the HTTP status of every error Discord's API answers (429 included), for metrics. */
  onPlatformError?: (status: number) => void;
}

export interface DiscordAdapter {
  /** HTTP mode: `POST /discord/interactions` for the shared HTTP server. Gateway mode: none. */
  routes: Record<string, RouteHandler>;
  messenger: Messenger;
  /** Gateway mode: logs in and connects every shard. HTTP mode: nothing to open (the HTTP server serves it). */
  start(): Promise<void>;
  /** Lets running interactions finish, then closes the gateway connection. */
  stop(): Promise<void>;
}

/** The Discord adapter, in the mode its configuration names: one set of handlers behind either connection. */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const { config, log } = deps;
  const client = config.mode === 'gateway' ? createGatewayClient(config) : null;
  const rest = client?.rest ?? createRest(config);
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status >= 400) deps.onPlatformError?.(response.status);
  });
  const api = new DiscordApi(rest, config.applicationId);
  const dispatcher = new Dispatcher({ ...deps, api, log }, { ...DEFAULT_TIMING, ...deps.timing });
  const messenger = new DiscordMessenger(api, deps.cardMedia);

  if (client) {
    listenForInteractions(client, dispatcher, api, log);
    return {
      routes: {},
      messenger,
      start: async () => {
        await client.login(config.token);
      },
      stop: async () => {
        await dispatcher.idle();
        await client.destroy();
      },
    };
  }

  if (config.publicKey === null) throw new Error('DISCORD_PUBLIC_KEY is required when DISCORD_MODE=http');
  const publicKey = publicKeyFromHex(config.publicKey);
  return {
    routes: { [INTERACTIONS_PATH]: interactionsEndpoint({ publicKey, clock: deps.clock, dispatcher, log }) },
    messenger,
    start: async () => {},
    stop: () => dispatcher.idle(),
  };
}
