import type { Clock } from '../core/clock.ts';

/** Waits `ms` milliseconds; tests pass one that moves their clock. */
export type Sleep = (ms: number) => Promise<void>;

export const PACER_DEFAULTS = {
  /** Slack allows about one message per second per channel; others are no stricter. */
  gapMs: 1_000, // ms
} as const;

/**
 * Runs sends to the same channel one at a time, at least `gapMs` apart; different channels do not wait for each
 * other. Time comes from the injected clock and sleep.
 */
export class ChannelPacer {
  readonly #clock: Clock;
  readonly #sleep: Sleep;
  readonly #gapMs: number;
  /** The last send to each channel that is still within the gap (ms since the epoch). */
  readonly #lastSent = new Map<string, number>();
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(clock: Clock, sleep: Sleep, gapMs: number = PACER_DEFAULTS.gapMs) {
    this.#clock = clock;
    this.#sleep = sleep;
    this.#gapMs = gapMs;
  }

  run<T>(channel: string, send: () => Promise<T>): Promise<T> {
    const before = this.#queues.get(channel) ?? Promise.resolve();
    const turn = before
      .catch(() => {})
      .then(async () => {
        const last = this.#lastSent.get(channel);
        const wait = last === undefined ? 0 : last + this.#gapMs - this.#clock.now().getTime();
        if (wait > 0) await this.#sleep(wait);
        try {
          return await send();
        } finally {
          this.#lastSent.set(channel, this.#clock.now().getTime());
        }
      });
    this.#queues.set(channel, turn);
    const settle = () => {
      if (this.#queues.get(channel) === turn) this.#queues.delete(channel);
      this.#forgetOldSends();
    };
    turn.then(settle, settle);
    return turn;
  }

  #forgetOldSends(): void {
    const now = this.#clock.now().getTime();
    for (const [channel, at] of this.#lastSent) {
      if (now - at >= this.#gapMs && !this.#queues.has(channel)) this.#lastSent.delete(channel);
    }
  }
}
