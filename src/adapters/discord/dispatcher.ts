import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { wordsOf } from '../../chat/messages.ts';
import { oncePerEvent } from '../../chat/once-per-event.ts';
import type { Clock } from '../../core/clock.ts';
import type { InboundEvents } from '../../core/quiz/inbound.ts';
import { type DiscordApi, describeError } from './api.ts';
import { apologyFor, Exchange, type FirstResponse } from './exchange.ts';
import type { HandlerContext, Outcome } from './handlers/context.ts';
import { PLATFORM } from './identity.ts';
import { type ActiveInteraction, parseInteraction } from './interaction.ts';
import { interactionResponse, PONG } from './render.ts';
import { whisper } from './reply.ts';
import { type Route, routeOf } from './router.ts';
import { appLocaleOf, DISCORD_STYLE } from './style.ts';

export interface Timing {
  /** Past this, a slow answer is deferred: Discord drops an interaction not answered within 3 s. */
  deferAfterMs: number;
  /** Past this, deferred work is given up, and the person gets the apology (see EVENT_DEDUPE in src/chat). */
  giveUpAfterMs: number;
}

export const DEFAULT_TIMING = {
  deferAfterMs: 2_000, // ms: leaves a second for the network within Discord's 3 s
  giveUpAfterMs: 60_000, // ms
} as const satisfies Timing;

const TIMED_OUT = Symbol('timed out');

export interface DispatcherOptions {
  context: HandlerContext;
  api: DiscordApi;
  inboundEvents: InboundEvents;
  clock: Clock;
  log: Logger;
  timing: Timing;
}

/**
 * Takes every interaction, from the gateway or the HTTP endpoint alike: parse → route → handler → answer,
 * within Discord's 3 seconds (deferring slow work), with one apology and one log line for any failure.
 */
export class Dispatcher {
  readonly #options: DispatcherOptions;
  readonly #running = new Set<Promise<void>>();

  constructor(options: DispatcherOptions) {
    this.#options = options;
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
    const { log } = this.#options;
    const parsed = parseInteraction(payload);
    if (!parsed.ok) {
      log.warn({ problem: parsed.problem }, 'discord: unreadable interaction');
      await respond(interactionResponse(whisper(apologyFor(null)))).catch((error: unknown) =>
        log.warn({ cause: describeError(error) }, 'discord: could not answer an unreadable interaction'),
      );
      return;
    }
    const interaction = parsed.interaction;
    if (interaction.type === 'ping') return respond(PONG);

    const started = performance.now();
    const tenant = interaction.guildId === null ? null : `${PLATFORM}:${interaction.guildId}`;
    const exchange = new Exchange(interaction, respond, this.#options.api);
    let route: Route | null = null;
    let stage = 'answer';
    let completed: Promise<void> | undefined;
    try {
      route = routeOf(interaction, this.#options.context);
      const outcome = await this.#answer(interaction, route, exchange);
      completed = outcome.completed;
      stage = 'after';
      await outcome.after?.();
    } catch (error) {
      log.error(
        { tenant, command: route?.name ?? interaction.type, stage, cause: describeError(error) },
        'discord interaction failed',
      );
      await exchange
        .apologise()
        .catch((apologyError: unknown) =>
          log.warn({ tenant, cause: describeError(apologyError) }, 'discord: the apology could not be sent'),
        );
    } finally {
      const ms = Math.round(performance.now() - started);
      log.info({ tenant, command: route?.name ?? interaction.type, ms }, 'discord interaction');
    }
    // The person has the answer: a failure here only means a redelivery would be handled again.
    await completed?.catch((error: unknown) =>
      log.warn(
        { tenant, cause: describeError(error) },
        'discord: could not record an interaction as handled',
      ),
    );
  }

  /** Runs the handler and answers: at once if it is quick, else a deferral now and the answer when ready. */
  async #answer(interaction: ActiveInteraction, route: Route, exchange: Exchange): Promise<Handled> {
    const { timing } = this.#options;
    if (route.deferAtOnce) await exchange.defer(route.deferral ?? 'ephemeral');
    const work = this.#once(interaction, route);
    const quick = route.deferral === null ? await work : await within(work, timing.deferAfterMs);
    if (quick !== TIMED_OUT && !route.deferAtOnce) {
      await exchange.answer(quick.reply);
      return quick;
    }
    if (!route.deferAtOnce) await exchange.defer(route.deferral ?? 'ephemeral');
    const late = await within(work, timing.giveUpAfterMs);
    if (late === TIMED_OUT) throw new Error(`${route.name} gave no answer within ${timing.giveUpAfterMs} ms`);
    await exchange.answer(late.reply);
    return late;
  }

  /**
   * The route's work, unless this interaction id was (or is being) handled already. The record that it
   * completed is written while the answer goes out, not before: the person does not wait for it. Should it
   * be lost, a redelivery is handled again, which the answer's own idempotency (by prompt) makes harmless.
   */
  async #once(interaction: ActiveInteraction, route: Route): Promise<Handled> {
    if (!route.once) return route.run();
    const once = await oncePerEvent(this.#options, { platform: PLATFORM, id: interaction.id }, route.run);
    if (once.skipped) {
      return {
        reply: whisper(wordsOf({ code: 'ALREADY_HANDLED' }, DISCORD_STYLE, appLocaleOf(interaction))),
      };
    }
    return { ...once.result, completed: once.completed };
  }
}

/** A route's outcome, with the write recording that its interaction was handled, still under way. */
type Handled = Outcome & { completed?: Promise<void> };

/** The work's result, or TIMED_OUT if it takes longer than `ms` (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
