/** What one run of N operations at some concurrency took. */
export interface LoadResult {
  count: number;
  elapsedMs: number;
  /** Each operation's latency, sorted ascending. */
  latenciesMs: Float64Array;
  /** The highest RSS seen while the run went on. */
  peakRssBytes: number;
}

const RSS_SAMPLE_MS = 50;

/**
 * Runs `task(0 … count-1)` on `concurrency` async workers that share one queue, as requests sharing one
 * process and one pool would. A task that throws stops the run.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  let next = 0;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const started = performance.now();
      await task(index);
      latencies[index] = performance.now() - started;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    clearInterval(sampler);
  }
  const elapsedMs = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return { count, elapsedMs, latenciesMs: latencies.sort(), peakRssBytes: peakRss };
}

/** The p-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

export const perSecond = (count: number, ms: number): number => (count * 1_000) / ms;

export const megabytes = (bytes: number): number => bytes / 1_048_576;

/** Milliseconds that `work` took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}
