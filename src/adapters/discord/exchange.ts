import type { APIInteractionResponse } from 'discord-api-types/v10';
import { wordsOf } from '../../chat/messages.ts';
import type { DiscordApi } from './api.ts';
import type { ActiveInteraction, InteractionBase } from './interaction.ts';
import { type Deferral, deferralResponse, interactionResponse, messageBody } from './render.ts';
import { type MessageReply, type Reply, whisper } from './reply.ts';
import { appLocaleOf, DISCORD_STYLE } from './style.ts';

/** Sends the first response to an interaction: the body of the HTTP response, or the REST callback. */
export type FirstResponse = (response: APIInteractionResponse) => Promise<void>;

/** The apology, in the person's app language (their settings may be what failed). */
export function apologyFor(interaction: Pick<InteractionBase, 'locale'> | null): string {
  return wordsOf({ code: 'APOLOGY' }, DISCORD_STYLE, appLocaleOf(interaction ?? { locale: null }));
}

/**
 * The conversation with Discord about one interaction: one first response (the answer or a deferral), then
 * edits and follow-ups through the interaction's webhook.
 */
export class Exchange {
  readonly #interaction: ActiveInteraction;
  readonly #respond: FirstResponse;
  readonly #api: DiscordApi;
  #state: { kind: 'fresh' } | { kind: 'deferred'; deferral: Deferral } | { kind: 'answered' } = {
    kind: 'fresh',
  };

  constructor(interaction: ActiveInteraction, respond: FirstResponse, api: DiscordApi) {
    this.#interaction = interaction;
    this.#respond = respond;
    this.#api = api;
  }

  async answer(reply: Reply): Promise<void> {
    if (this.#state.kind === 'deferred') return this.#finish(this.#state.deferral, reply);
    // Marked before sending: whatever happens to this call, no second first response is tried.
    this.#state = { kind: 'answered' };
    await this.#respond(interactionResponse(reply));
    if (reply.kind !== 'message') return;
    if (reply.files?.length) await this.#api.attachToOriginal(this.#interaction.token, reply.files);
    await this.#sendFollowUps(reply);
  }

  async defer(deferral: Deferral): Promise<void> {
    this.#state = { kind: 'deferred', deferral };
    await this.#respond(deferralResponse(deferral));
  }

  /** A short apology in whatever way is still open: an interaction never stays unanswered. */
  async apologise(): Promise<void> {
    if (this.#state.kind === 'answered') return;
    if (this.#state.kind === 'fresh' && this.#interaction.type === 'autocomplete') {
      this.#state = { kind: 'answered' };
      await this.#respond(interactionResponse({ kind: 'choices', choices: [] }));
      return;
    }
    await this.answer(whisper(apologyFor(this.#interaction)));
  }

  /** The answer after a deferral: an edit of the deferred message, or a new message for a deferred button. */
  async #finish(deferral: Deferral, reply: Reply): Promise<void> {
    // Left deferred, so the apology can still take its place.
    if (reply.kind !== 'message') throw new Error(`a ${reply.kind} cannot follow a deferral`);
    this.#state = { kind: 'answered' };
    const { token } = this.#interaction;
    if (deferral === 'update' && !reply.update) {
      await this.#api.followUp(token, messageBody(reply, { ephemeral: reply.ephemeral }), reply.files);
    } else {
      await this.#api.editOriginal(token, messageBody(reply), reply.files);
    }
    await this.#sendFollowUps(reply);
  }

  async #sendFollowUps(reply: MessageReply): Promise<void> {
    for (const text of reply.followUps) {
      await this.#api.followUp(
        this.#interaction.token,
        messageBody({ text, rows: [] }, { ephemeral: reply.ephemeral }),
      );
    }
  }
}
