import type { ListenerDeps } from './deps.ts';

export const EVENT_DEDUPE = {
  /**
   * An attempt that has not completed within this is taken to have failed, and Slack's next retry
   * (X-Slack-Retry-Num; Slack retries after about 1 and 5 minutes) is processed.
   */
  retryAfterMs: 30_000, // ms
} as const;

/**
 * Runs `work` once per Slack `event_id`, across replicas: a retry of an event already handled (or still being
 * handled) is skipped; a retry of one whose attempt failed is processed. Returns false when skipped.
 */
export async function oncePerEvent(
  deps: Pick<ListenerDeps, 'inboundEvents' | 'clock' | 'log'>,
  eventId: string,
  work: () => Promise<void>,
): Promise<boolean> {
  const claimed = await deps.inboundEvents.claim(
    'slack',
    eventId,
    deps.clock.now(),
    EVENT_DEDUPE.retryAfterMs,
  );
  if (!claimed) {
    deps.log.info({ eventId }, 'slack event already handled; retry skipped');
    return false;
  }
  await work();
  await deps.inboundEvents.complete('slack', eventId, deps.clock.now());
  return true;
}
