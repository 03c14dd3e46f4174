import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a real cluster cannot be started here, or null when it can. */
export function clusterUnavailable(): string | null {
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(BIN, tool))) return `no ${tool} in ${BIN} (set PG_BIN to PostgreSQL's bin folder)`;
  }
  if (userInfo().uid === 0 && !ownerOf('postgres')) return 'running as root and there is no "postgres" user';
  return null;
}

/**
 * A PostgreSQL cluster of its own, in a temporary folder, on 127.0.0.1 and a free port, that a test can
 * restart for real. initdb refuses root, so as root the cluster runs as the `postgres` user. It is
 * stopped and removed by `destroy()`, and by a process exit guard if the test never gets there.
 */
export class PostgresCluster {
  readonly url: string;
  readonly #folder: string;
  readonly #data: string;
  readonly #owner: { uid: number; gid: number; name: string } | null;
  readonly #guard = () => this.#teardown();

  private constructor(
    folder: string,
    port: number,
    owner: { uid: number; gid: number; name: string } | null,
  ) {
    this.#folder = folder;
    this.#data = join(folder, 'data');
    this.#owner = owner;
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  static async start(): Promise<PostgresCluster> {
    const owner = userInfo().uid === 0 ? ownerOf('postgres') : null;
    const folder = mkdtempSync(join(tmpdir(), 'mnemo-pg-'));
    if (owner) chownSync(folder, owner.uid, owner.gid);
    const cluster = new PostgresCluster(folder, await freePort(), owner);
    process.once('exit', cluster.#guard);
    try {
      cluster.#run('initdb', [
        '-D',
        cluster.#data,
        '-U',
        'postgres',
        '--auth=trust',
        '--no-sync',
        '-E',
        'UTF8',
      ]);
      const port = new URL(cluster.url).port;
      const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
      cluster.#run('pg_ctl', [
        '-D',
        cluster.#data,
        '-l',
        join(folder, 'server.log'),
        '-o',
        options,
        '-w',
        'start',
      ]);
    } catch (error) {
      cluster.#teardown();
      throw error;
    }
    return cluster;
  }

  /**
   * `pg_ctl restart -m fast`: every connection is cut, in-flight transactions roll back, the server comes
   * back. Asynchronous, so that the test's own work goes on while it happens.
   */
  async restart(): Promise<void> {
    // With -l the server's output goes to the log, not to a pipe that would hold execFile until its timeout.
    const log = join(this.#folder, 'server.log');
    const [file, argv] = this.#command('pg_ctl', [
      '-D',
      this.#data,
      '-l',
      log,
      '-m',
      'fast',
      '-w',
      'restart',
    ]);
    await promisify(execFile)(file, argv, { timeout: 60_000 });
  }

  destroy(): void {
    process.off('exit', this.#guard);
    this.#teardown();
  }

  #teardown(): void {
    try {
      if (existsSync(join(this.#data, 'postmaster.pid')))
        this.#run('pg_ctl', ['-D', this.#data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped, or never started: the folder goes all the same.
    }
    rmSync(this.#folder, { recursive: true, force: true });
  }

  #run(tool: string, args: string[]): void {
    const [file, argv] = this.#command(tool, args);
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  }

  #command(tool: string, args: string[]): [string, string[]] {
    const command = join(BIN, tool);
    return this.#owner ? ['runuser', ['-u', this.#owner.name, '--', command, ...args]] : [command, args];
  }
}

function ownerOf(name: string): { uid: number; gid: number; name: string } | null {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name]).toString().trim()));
    return uid === undefined || gid === undefined ? null : { uid, gid, name };
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
