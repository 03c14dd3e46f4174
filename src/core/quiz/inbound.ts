/** Remembers which platform events were handled, across every replica. */
export interface InboundEvents {
  /**
   * True when this replica should handle the event: it was never seen, or an earlier attempt did not complete
   * within `retryAfterMs` (it failed, so the platform's retry is processed).
   */
  claim(platform: string, eventId: string, now: Date, retryAfterMs: number): Promise<boolean>;
  complete(platform: string, eventId: string, now: Date): Promise<void>;
}
