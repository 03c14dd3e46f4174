import { Worker } from 'node:worker_threads';
import { type StudiedBatch, type StudyJob, studyBatch } from './study.ts';

type Reply = { ok: true; batch: StudiedBatch } | { ok: false; message: string };

/**
 * Learners' batches studied in worker threads, one batch per worker at a time: the study is JavaScript on one
 * thread each (the Quiz, grading, FSRS), and learners are independent. With one thread it runs in process.
 */
export class StudyPool {
  /** Free slots: a worker, or null for this thread (without workers, one batch at a time here). */
  readonly #free: (Worker | null)[] = [];
  readonly #waiting: ((slot: Worker | null) => void)[] = [];
  readonly #workers: Worker[] = [];

  constructor(threads: number) {
    if (threads <= 1) {
      this.#free.push(null);
      return;
    }
    for (let i = 0; i < threads; i++) {
      const worker = startWorker();
      this.#workers.push(worker);
      this.#free.push(worker);
    }
  }

  /** Studies the batch in the next free slot. */
  async study(job: StudyJob): Promise<StudiedBatch> {
    const slot =
      this.#free.length > 0
        ? (this.#free.pop() as Worker | null)
        : await new Promise<Worker | null>((resolve) => this.#waiting.push(resolve));
    try {
      return slot ? await inWorker(slot, job) : await studyBatch(job);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(slot);
      else this.#free.push(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/**
 * A study worker. Under tsx (npm start, the tests, the bench) its module is TypeScript too: the worker first
 * registers tsx's loader (a worker's execArgv takes no --import), then imports it.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./study-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./study-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true });
}

async function inWorker(worker: Worker, job: StudyJob): Promise<StudiedBatch> {
  const reply = await new Promise<Reply>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    worker.once('error', failed);
    worker.once('message', (message: Reply) => {
      worker.off('error', failed);
      resolve(message);
    });
    worker.postMessage(job);
  });
  if (!reply.ok) throw new Error(`a simulated learner failed: ${reply.message}`);
  return reply.batch;
}
