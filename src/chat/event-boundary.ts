import type { Clock } from '../core/clock.ts';
import type { InboundEvents } from '../core/quiz/inbound.ts';
import { oncePerEvent } from './once-per-event.ts';

/** The lines an event leaves in the log; pino's logger is one. */
export interface EventLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** One platform event (a command, a click, a form, an event delivery) as its error boundary sees it. */
export interface PlatformEvent {
  /** Names the platform in the log lines and in the once-per-event record: `slack`, `discord`. */
  platform: string;
  /** What each log line says of the event (tenant, command), read loosely: the payload itself may be at fault. */
  context(): Record<string, unknown>;
  /** The platform's id of an event it delivers again on failure: handled once across replicas, retries skipped. */
  onceId?: string | undefined;
  /** The one apology after an unexpected error; should it fail too, the platform shows its own error. */
  apologise(): Promise<void>;
  /** The failure line's fields for the error (default: `err`, for pino's serializer). */
  errorFields?: (error: unknown) => Record<string, unknown>;
}

/**
 * The one error boundary of a platform event: runs `work` (once per event when it has an id), logs one line
 * with its context and duration, and on an unexpected error logs the cause once and apologises once.
 */
export async function handleEvent(
  deps: { log: EventLog; inboundEvents: InboundEvents; clock: Clock },
  event: PlatformEvent,
  work: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const line = () => ({ ...event.context(), ms: Math.round(performance.now() - started) });
  try {
    if (event.onceId === undefined) await work();
    else {
      const once = await oncePerEvent(deps, { platform: event.platform, id: event.onceId }, work);
      if (once.skipped)
        deps.log.info({ eventId: event.onceId }, `${event.platform} event already handled; retry skipped`);
      else await once.completed;
    }
    deps.log.info(line(), `${event.platform} interaction`);
  } catch (error) {
    const fields = event.errorFields?.(error) ?? { err: error };
    deps.log.error({ ...line(), ...fields }, `${event.platform} interaction failed`);
    await event.apologise().catch(() => {});
  }
}
