import type { Clock } from '../core/clock.ts';
import type { InboundEvents } from '../core/quiz/inbound.ts';

export const EVENT_DEDUPE = {
  /**
   * A first attempt that has not completed within this is taken to have failed, and the platform's next
   * delivery of the event is handled: below Slack's first retry (about a minute after the event). A Discord
   * interaction delivered again while its first, deferred attempt still runs (up to 60 s) may then run twice;
   * every answer counts once by its prompt, so that costs at most a second reply.
   */
  retryAfterMs: 30_000, // ms
} as const;

/**
 * Runs `work` once per platform event (a Slack `event_id`, a Discord interaction id), across replicas: a
 * redelivery of an event handled (or being handled) gets `skipped`; one whose attempt failed is handled.
 * The record that the event completed is written after `work`, and returned unawaited in `completed` so the
 * caller may answer first.
 */
export async function oncePerEvent<T>(
  deps: { inboundEvents: InboundEvents; clock: Clock },
  event: { platform: string; id: string },
  work: () => Promise<T>,
): Promise<{ skipped: true } | { skipped: false; result: T; completed: Promise<void> }> {
  const { inboundEvents, clock } = deps;
  if (!(await inboundEvents.claim(event.platform, event.id, clock.now(), EVENT_DEDUPE.retryAfterMs))) {
    return { skipped: true };
  }
  const result = await work();
  const completed = inboundEvents.complete(event.platform, event.id, clock.now());
  // Awaited by the caller once the person has the answer; never an unhandled rejection meanwhile.
  completed.catch(() => {});
  return { skipped: false, result, completed };
}
