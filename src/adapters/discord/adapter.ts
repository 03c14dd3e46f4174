import { RESTEvents } from '@discordjs/rest';
import type { Logger } from 'pino';
import type { Deadlines } from '../../chat/deadline.ts';
import type { ChatPorts } from '../../chat/ports.ts';
import type { DiscordConfig } from '../../config/discord.ts';
import type { Messenger } from '../../core/delivery/ports.ts';
import { ed25519Route, publicKeyFromHex } from '../../http/ed25519-route.ts';
import type { RouteHandler } from '../../http/server.ts';
import { createRest, DiscordApi } from './api.ts';
import { DEFAULT_TIMING, Dispatcher } from './dispatcher.ts';
import { createGatewayClient, listenForInteractions } from './gateway.ts';
import { DiscordMessenger } from './messenger.ts';

/** Discord's interactions endpoint (HTTP mode): the interaction's first response is the HTTP response. */
export const INTERACTIONS_PATH = '/discord/interactions';
const SIGNATURE_HEADERS = { signature: 'x-signature-ed25519', timestamp: 'x-signature-timestamp' };

export interface DiscordAdapterDeps extends ChatPorts {
  config: DiscordConfig;
  log: Logger;
  /** Tests shorten these; the defaults suit Discord. */
  timing?: Partial<Deadlines>;
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
  const endpoint = ed25519Route({
    platform: 'discord',
    publicKey: publicKeyFromHex(config.publicKey),
    headers: SIGNATURE_HEADERS,
    clock: deps.clock,
    log,
    handle: (payload, reply) => dispatcher.handle(payload, reply),
  });
  return {
    routes: { [INTERACTIONS_PATH]: endpoint },
    messenger,
    start: async () => {},
    stop: () => dispatcher.idle(),
  };
}
