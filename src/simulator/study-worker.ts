import { parentPort } from 'node:worker_threads';
import { type StudyJob, studyBatch } from './study.ts';

/** A worker thread of the simulator: studies each batch of learners it is sent, and sends back what it made. */
const port = parentPort;
if (!port) throw new Error('study-worker.ts runs as a worker thread (see StudyPool)');
port.on('message', (job: StudyJob) => {
  studyBatch(job).then(
    (batch) => port.postMessage({ ok: true, batch }),
    (error: unknown) =>
      port.postMessage({ ok: false, message: error instanceof Error ? error.stack : String(error) }),
  );
});
