import { DiscordAPIError, HTTPError, type RawFile, REST, RESTEvents } from '@discordjs/rest';
import { type APIChannel, type APIInteractionResponse, type APIMessage, Routes } from 'discord-api-types/v10';
import type { Attachment } from '../../chat/reply.ts';
import type { DiscordConfig } from '../../config/discord.ts';
import { platformError } from '../../http/platform-error.ts';
import type { MessageBody } from './render.ts';

const API_VERSION = '10';

/** discord.js's REST client for the configured base URL (DISCORD_API_URL), with the bot token. */
export function createRest(config: Pick<DiscordConfig, 'apiUrl' | 'token'>): REST {
  return new REST({ api: config.apiUrl, version: API_VERSION }).setToken(config.token);
}

/** The Discord REST calls Mnemo makes. Interaction calls are authorised by the interaction's token. */
export class DiscordApi {
  readonly #rest: REST;
  readonly #applicationId: string;
  /**
   * After a 401 to a call made with the bot token, discord.js's REST client drops the token (so a revoked
   * token is not tried again and again), and every later call fails before reaching Discord.
   */
  #tokenDropped = false;

  constructor(rest: REST, applicationId: string) {
    this.#rest = rest;
    this.#applicationId = applicationId;
    rest.on(RESTEvents.Response, (request, response) => {
      if (response.status === 401 && request.data.auth !== false) this.#tokenDropped = true;
    });
  }

  /** Runs a REST call for delivery: a 401 and other refusals become the MnemoErrors the delivery port names. */
  async platformCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : null;
      const tokenRefused = status === 401 || this.#tokenDropped;
      throw platformError(error, { platform: 'Discord', what, status, tokenRefused });
    }
  }

  /** The first answer to an interaction, when it is not the body of an HTTP response (gateway mode). */
  async respond(interaction: { id: string; token: string }, response: APIInteractionResponse): Promise<void> {
    await this.#rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: response,
      auth: false,
    });
  }

  /**
   * Replaces the first answer (after a deferral), or the message a deferred button was on; its files replace
   * the files it had (a card's pictures do not stay on the next card). With no body, only adds the files to
   * the first answer: one in the body of an HTTP response can only be JSON (Discord takes no multipart there).
   */
  async editOriginal(token: string, body: MessageBody | null, files: readonly Attachment[] = []) {
    // An edit cannot make a message ephemeral or public: its flags are left out.
    const edit = body === null ? {} : { ...body, flags: undefined, attachments: [] };
    await this.#rest.patch(Routes.webhookMessage(this.#applicationId, token, '@original'), {
      ...withFiles(edit, files),
      auth: false,
    });
  }

  /** Another message in answer to an interaction, with its files. */
  async followUp(token: string, body: MessageBody, files: readonly Attachment[] = []): Promise<void> {
    await this.#rest.post(Routes.webhook(this.#applicationId, token), {
      ...withFiles(body, files),
      auth: false,
    });
  }

  /** A message in a channel, with its files. */
  async createMessage(
    channelId: string,
    body: MessageBody & Record<string, unknown>,
    files: readonly Attachment[] = [],
  ): Promise<APIMessage> {
    return (await this.#rest.post(Routes.channelMessages(channelId), withFiles(body, files))) as APIMessage;
  }

  async editMessage(channelId: string, messageId: string, body: MessageBody): Promise<void> {
    await this.#rest.patch(Routes.channelMessage(channelId, messageId), { body });
  }

  /** The DM channel with a user (Discord returns the existing one). */
  async openDm(userId: string): Promise<APIChannel> {
    return (await this.#rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
  }
}

const ATTACHMENT_DESCRIPTION_LIMIT = 1_024; // characters of alt text Discord keeps

/** A body with its files as multipart parts (`files[n]`), each described in `attachments` with its alt text. */
function withFiles<T extends object>(body: T, files: readonly Attachment[]): { body: T; files?: RawFile[] } {
  if (files.length === 0) return { body };
  const attachments = files.map((file, id) => ({
    id,
    filename: file.name,
    description: file.description.slice(0, ATTACHMENT_DESCRIPTION_LIMIT),
  }));
  return {
    body: { ...body, attachments },
    files: files.map((file) => ({ name: file.name, data: file.bytes, contentType: file.mime })),
  };
}
