import type { Readable, Writable } from 'node:stream';

/** The streams a command talks through; tests hand in their own. */
export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const print = (stream: Writable, text: string) => stream.write(`${text}\n`);
