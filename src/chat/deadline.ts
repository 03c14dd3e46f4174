/** How long a platform waits for the first answer to an event, and how long deferred work may go on. */
export interface Deadlines {
  /** Past this, a slow answer is deferred (the platform shows that an answer is coming). */
  deferAfterMs: number;
  /** Past this, deferred work is given up, and the person gets the apology (see EVENT_DEDUPE). */
  giveUpAfterMs: number;
}

/** How an event may wait: `defer` acknowledges it before the answer (null: it cannot be deferred, and is quick). */
export interface Waiting {
  defer: (() => Promise<void>) | null;
  /** Deferred before the work starts, so the work may show its progress in the deferred message. */
  deferFirst: boolean;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The work's result for the first answer: awaited as it is when it is quick; deferred first, or once it has
 * taken `deferAfterMs`; given up (an Error naming `what`) when it takes `giveUpAfterMs` after that.
 */
export async function inTime<T>(
  what: string,
  start: () => Promise<T>,
  deadlines: Deadlines,
  waiting: Waiting,
) {
  const { defer, deferFirst } = waiting;
  if (deferFirst) await defer?.();
  const work = start();
  if (defer === null) return work;
  if (!deferFirst) {
    const quick = await within(work, deadlines.deferAfterMs);
    if (quick !== TIMED_OUT) return quick;
    await defer();
  }
  const late = await within(work, deadlines.giveUpAfterMs);
  if (late === TIMED_OUT) throw new Error(`${what} gave no answer within ${deadlines.giveUpAfterMs} ms`);
  return late;
}

/** The work's result, or TIMED_OUT if it takes longer than `ms` (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
