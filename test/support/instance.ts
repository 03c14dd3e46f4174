import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { ROOT } from './cli.ts';

/** A running `mnemo start` process: a replica, as an operator would run it. */
export class Instance {
  readonly logs: string[] = [];
  readonly exited: Promise<number | null>;
  port = 0;
  readonly #child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Starts `mnemo start` and waits until it serves HTTP. */
  static async start(env: Record<string, string>, timeoutMs = 30_000): Promise<Instance> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const instance = new Instance(child);
    let buffered = '';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no start within ${timeoutMs} ms:\n${instance.logs.join('\n')}`)),
        timeoutMs,
      );
      child.stderr?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          instance.logs.push(line);
          const port = /"msg":"Mnemo is running"/.test(line) ? /"port":(\d+)/.exec(line)?.[1] : undefined;
          if (port) {
            instance.port = Number(port);
            clearTimeout(timer);
            resolve();
          }
        }
      });
      void instance.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before serving:\n${instance.logs.join('\n')}`));
      });
    });
    await ready;
    return instance;
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  kill(signal: NodeJS.Signals): void {
    this.#child.kill(signal);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** GET on a fresh connection: a killed replica's port may be reused, and a pooled socket with it. */
  get(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      get(this.url(path), { agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      }).on('error', reject);
    });
  }
}
