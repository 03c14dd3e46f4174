import { setTimeout as sleep } from 'node:timers/promises';

/** People who take turns: one interaction of a person at a time, as one person clicks one button at a time. */
export interface Crowd {
  size: number;
  /** Person n's next interaction, resolved when they see its answer; false when that answer was an error. */
  step(person: number): Promise<boolean>;
}

export interface RunStats {
  completed: number;
  errors: number;
  elapsedMs: number;
  /** From when each interaction was due (open loop) or sent (closed loop) to its answer, sorted. */
  latenciesMs: Float64Array;
}

const TICK_MS = 1;

/**
 * Open loop: interactions fall due at `rate` per second whatever the answers do, each taken by a person who
 * is not waiting for an answer. Latency counts from when it fell due, so time queued for a free person (or in
 * the bot) is counted, as a person would notice it.
 */
export async function openLoop(crowd: Crowd, rate: number, seconds: number): Promise<RunStats> {
  const total = Math.round(rate * seconds);
  const idle = Array.from({ length: crowd.size }, (_, person) => person);
  const due: number[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let running = 0;
  let last = 0;
  const start = performance.now();
  const run = (person: number, dueAt: number) => {
    running++;
    crowd
      .step(person)
      .catch(() => false)
      .then((ok) => {
        last = performance.now();
        latencies.push(last - dueAt);
        if (!ok) errors++;
        running--;
        idle.push(person);
        dispatch();
      });
  };
  const dispatch = () => {
    while (due.length > 0 && idle.length > 0) run(idle.shift() as number, due.shift() as number);
  };
  for (let scheduled = 0; scheduled < total; ) {
    const now = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1_000) + 1);
    for (; scheduled < now; scheduled++) due.push(start + (scheduled * 1_000) / rate);
    dispatch();
    await sleep(TICK_MS);
  }
  while (running > 0 || due.length > 0) await sleep(TICK_MS);
  return stats(latencies, errors, last - start);
}

/** Closed loop: `concurrency` people at a time, each sending the next interaction as soon as the last is answered. */
export async function closedLoop(crowd: Crowd, concurrency: number, seconds: number): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + seconds * 1_000;
  const worker = async (first: number) => {
    // Worker w takes people w, w + c, w + 2c…: no two workers share a person.
    for (let person = first; performance.now() < deadline; ) {
      const sent = performance.now();
      const ok = await crowd.step(person).catch(() => false);
      latencies.push(performance.now() - sent);
      if (!ok) errors++;
      person += concurrency;
      if (person >= crowd.size) person = first;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, crowd.size) }, (_, w) => worker(w)));
  return stats(latencies, errors, performance.now() - start);
}

function stats(latencies: number[], errors: number, elapsedMs: number): RunStats {
  return {
    completed: latencies.length,
    errors,
    elapsedMs,
    latenciesMs: Float64Array.from(latencies).sort(),
  };
}
