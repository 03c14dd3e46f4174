import { createRequire } from 'node:module';
import type { Client } from 'discord.js';
import { GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { DiscordConfig } from '../../config/discord.ts';
import { describeError } from '../../http/platform-error.ts';
import type { DiscordApi } from './api.ts';
import type { Dispatcher } from './dispatcher.ts';

/**
 * discord.js itself, loaded only in gateway mode: the HTTP mode needs no more than its REST client and the API
 * types, and the whole library is about 25 MB of a running bot's memory.
 */
const discordJs = (): typeof import('discord.js') => createRequire(import.meta.url)('discord.js');

/**
 * Gateway mode's discord.js Client, with automatic sharding (`shards: 'auto'`: Discord says how many shards
 * there must be, and this one process runs them all), so background work such as delivery runs once, not
 * once per shard. Its REST client goes to DISCORD_API_URL and carries the bot token from the start.
 */
export function createGatewayClient(config: DiscordConfig): Client {
  const { Client } = discordJs();
  const client = new Client({
    // Interactions need no intent; Guilds keeps the guild cache discord.js expects. No privileged intent.
    intents: [GatewayIntentBits.Guilds],
    shards: 'auto',
    rest: { api: config.apiUrl },
  });
  client.rest.setToken(config.token);
  return client;
}

/**
 * Hands every INTERACTION_CREATE, as its raw data, to the same dispatcher the HTTP endpoint uses, and posts the
 * first response through the REST callback: the payloads are the same in both modes.
 */
export function listenForInteractions(client: Client, dispatcher: Dispatcher, api: DiscordApi, log: Logger) {
  const { Events } = discordJs();
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown, shardId: number) => {
    const respond = async (response: Parameters<DiscordApi['respond']>[1]) =>
      api.respond(idAndToken(data), response);
    dispatcher
      .handle(data, respond)
      .catch((error: unknown) =>
        log.error({ shardId, cause: describeError(error) }, 'discord: interaction not handled'),
      );
  });
  client.on(Events.ClientReady, (ready) =>
    log.info({ shards: ready.ws.shards.size, guilds: ready.guilds.cache.size }, 'discord gateway ready'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    log.warn({ shardId, cause: describeError(error) }, 'discord: shard connection error'),
  );
  client.on(Events.Error, (error) => log.error({ cause: describeError(error) }, 'discord client error'));
}

function idAndToken(data: unknown): { id: string; token: string } {
  const { id, token } = (data ?? {}) as { id?: unknown; token?: unknown };
  if (typeof id !== 'string' || typeof token !== 'string') throw new Error('interaction without id or token');
  return { id, token };
}
