import type { APIInteractionResponse } from 'discord-api-types/v10';
import { type Deadlines, inTime } from '../../chat/deadline.ts';
import { handleEvent, type PlatformEvent } from '../../chat/event-boundary.ts';
import { oncePerEvent } from '../../chat/once-per-event.ts';
import { describeError } from '../../http/platform-error.ts';
import { PLATFORM } from './identity.ts';
import { type ActiveInteraction, parseInteraction } from './interaction.ts';
import {
  type Answer,
  appLocaleOf,
  choicesAnswer,
  type Deferral,
  deferralResponse,
  flagged,
  interactionResponse,
  type MessageAnswer,
  PONG,
  whisperMessage,
} from './render.ts';
import { type HandlerContext, type Outcome, type Route, routeOf } from './router.ts';

export const DEFAULT_TIMING = {
  deferAfterMs: 2_000, // ms: leaves a second for the network within Discord's 3 s
  giveUpAfterMs: 60_000, // ms
} as const satisfies Deadlines;

/** Sends the first response to an interaction: the body of the HTTP response, or the REST callback. */
export type FirstResponse = (response: APIInteractionResponse) => Promise<void>;

/** The apology, in the person's app language (their settings may be what failed). */
const apologyFor = (interaction: { locale: string | null } | null) =>
  whisperMessage({ code: 'APOLOGY' }, appLocaleOf(interaction));

/**
 * Takes every interaction, from the gateway or the HTTP endpoint alike: parse → route → handler → answer,
 * within Discord's 3 seconds (deferring slow work), inside chat's error boundary (handleEvent): one apology and
 * one log line for any failure.
 */
export class Dispatcher {
  readonly #context: HandlerContext;
  readonly #timing: Deadlines;
  readonly #running = new Set<Promise<void>>();

  constructor(context: HandlerContext, timing: Deadlines) {
    this.#context = context;
    this.#timing = timing;
  }

  /** Handles one interaction payload; resolves when everything about it, follow-ups included, is done. */
  handle(payload: unknown, respond: FirstResponse): Promise<void> {
    const running = this.#handle(payload, respond);
    this.#running.add(running);
    return running.finally(() => this.#running.delete(running));
  }

  /** Resolves when no interaction is being handled (for a clean stop). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #handle(payload: unknown, respond: FirstResponse): Promise<void> {
    const { log } = this.#context;
    const parsed = parseInteraction(payload);
    if (!parsed.ok) {
      log.warn({ problem: parsed.problem }, 'discord: unreadable interaction');
      await respond(interactionResponse(apologyFor(null))).catch((error: unknown) =>
        log.warn({ cause: describeError(error) }, 'discord: could not answer an unreadable interaction'),
      );
      return;
    }
    const interaction = parsed.interaction;
    if (interaction.type === 'ping') return respond(PONG);

    const tenant = interaction.guildId === null ? null : `${PLATFORM}:${interaction.guildId}`;
    const exchange = new Exchange(interaction, respond, this.#context);
    let route: Route | null = null;
    let stage = 'answer';
    const handled: { completed?: Promise<void> | undefined } = {};
    const event: PlatformEvent = {
      platform: PLATFORM,
      context: () => ({ tenant, command: route?.name ?? interaction.type }),
      errorFields: (error) => ({ stage, cause: describeError(error) }),
      apologise: () =>
        exchange
          .apologise()
          .catch((apologyError: unknown) =>
            log.warn(
              { tenant, cause: describeError(apologyError) },
              'discord: the apology could not be sent',
            ),
          ),
    };
    // Once per interaction id only around the route's work (see #once), not here: its claim is timed with the
    // work, and a redelivery is answered rather than left unanswered.
    await handleEvent(this.#context, event, async () => {
      route = routeOf(interaction, this.#context);
      const outcome = await this.#answer(interaction, route, exchange);
      handled.completed = outcome.completed;
      stage = 'after';
      await outcome.after?.();
    });
    // The person has the answer: a failure here only means a redelivery would be handled again.
    await handled.completed?.catch((error: unknown) =>
      log.warn(
        { tenant, cause: describeError(error) },
        'discord: could not record an interaction as handled',
      ),
    );
  }

  /** Runs the route and answers: at once if it is quick, else a deferral now and the answer when ready. */
  async #answer(interaction: ActiveInteraction, route: Route, exchange: Exchange): Promise<Handled> {
    const { deferral } = route;
    const defer = deferral === null ? null : () => exchange.defer(deferral);
    const waiting = { defer, deferFirst: route.deferAtOnce === true };
    const handled = await inTime(route.name, () => this.#once(interaction, route), this.#timing, waiting);
    await exchange.answer(handled.reply);
    return handled;
  }

  /**
   * The route's work, unless this interaction id was (or is being) handled already. The record that it
   * completed is written while the answer goes out, not before: the person does not wait for it. Should it
   * be lost, a redelivery is handled again, which the answer's own idempotency (by prompt) makes harmless.
   */
  async #once(interaction: ActiveInteraction, route: Route): Promise<Handled> {
    if (!route.once) return route.run();
    const once = await oncePerEvent(this.#context, { platform: PLATFORM, id: interaction.id }, route.run);
    if (once.skipped) return { reply: whisperMessage({ code: 'ALREADY_HANDLED' }, appLocaleOf(interaction)) };
    return { ...once.result, completed: once.completed };
  }
}

/** A route's outcome, with the write recording that its interaction was handled, still under way. */
type Handled = Outcome & { completed?: Promise<void> };

/**
 * The conversation with Discord about one interaction: one first response (the answer or a deferral), then
 * edits and follow-ups through the interaction's webhook.
 */
class Exchange {
  /** Fresh, deferred (and how), or answered. */
  #state: 'fresh' | Deferral | 'answered' = 'fresh';

  constructor(
    readonly interaction: ActiveInteraction,
    readonly respond: FirstResponse,
    readonly context: HandlerContext,
  ) {}

  async answer(reply: Answer): Promise<void> {
    if (this.#state !== 'fresh' && this.#state !== 'answered') return this.#finish(this.#state, reply);
    // Marked before sending: whatever happens to this call, no second first response is tried.
    this.#state = 'answered';
    await this.respond(interactionResponse(reply));
    if (reply.kind !== 'message') return;
    if (reply.files?.length) await this.context.api.editOriginal(this.interaction.token, null, reply.files);
    await this.#sendFollowUps(reply);
  }

  async defer(deferral: Deferral): Promise<void> {
    this.#state = deferral;
    await this.respond(deferralResponse(deferral));
  }

  /** A short apology in whatever way is still open: an interaction never stays unanswered. */
  async apologise(): Promise<void> {
    if (this.#state === 'answered') return;
    if (this.#state === 'fresh' && this.interaction.type === 'autocomplete') {
      this.#state = 'answered';
      await this.respond(interactionResponse(choicesAnswer([])));
      return;
    }
    await this.answer(apologyFor(this.interaction));
  }

  /** The answer after a deferral: an edit of the deferred message, or a new message for a deferred button. */
  async #finish(deferral: Deferral, reply: Answer): Promise<void> {
    // Left deferred, so the apology can still take its place.
    if (reply.kind !== 'message') throw new Error(`a ${reply.kind} cannot follow a deferral`);
    this.#state = 'answered';
    const { token } = this.interaction;
    if (deferral === 'update' && !reply.update) {
      await this.context.api.followUp(token, flagged(reply.body, reply.ephemeral), reply.files);
    } else {
      await this.context.api.editOriginal(token, reply.body, reply.files);
    }
    await this.#sendFollowUps(reply);
  }

  async #sendFollowUps(reply: MessageAnswer): Promise<void> {
    for (const body of reply.followUps) await this.context.api.followUp(this.interaction.token, body);
  }
}
