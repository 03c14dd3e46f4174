/**
 * Values kept for a while, bounded in number: the least recently used goes first when full, and a value older
 * than `keepMs` is read as missing. For what is costly to ask for on every request and may be a little stale
 * (a deck's answers, a person's language, a workspace's token). Time is given by the caller (core has no clock).
 */
export class Kept<V> {
  readonly #kept = new Map<string, { value: V; until: number }>();
  readonly #most: number;
  readonly #keepMs: number;

  constructor(most: number, keepMs: number) {
    this.#most = most;
    this.#keepMs = keepMs;
  }

  /** The value if kept and fresh at `nowMs`; undefined otherwise. */
  get(key: string, nowMs: number): V | undefined {
    const kept = this.#kept.get(key);
    if (!kept) return undefined;
    this.#kept.delete(key);
    if (kept.until <= nowMs) return undefined;
    // Most recently used last, so the oldest is the first to go.
    this.#kept.set(key, kept);
    return kept.value;
  }

  set(key: string, value: V, nowMs: number): void {
    this.#kept.delete(key);
    while (this.#kept.size >= this.#most) {
      const oldest = this.#kept.keys().next();
      if (oldest.done) break;
      this.#kept.delete(oldest.value);
    }
    this.#kept.set(key, { value, until: nowMs + this.#keepMs });
  }

  delete(key: string): void {
    this.#kept.delete(key);
  }
}
