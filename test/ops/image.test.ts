import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../support/cli.ts';
import { TEST_DATABASE_URL, withDatabase } from '../support/database.ts';
import {
  copyPaths,
  dockerignore,
  envPairs,
  execForm,
  healthcheckCommand,
  parseDockerfile,
  type Stage,
  splitFlags,
} from './dockerfile.ts';

/*
 * No Docker engine runs here, so this test builds the image's contents the way the Dockerfile says, in a
 * temporary folder: each stage gets a folder that stands for its `/`, COPY copies from the repository (as
 * filtered by .dockerignore) or from an earlier stage, RUN runs the same npm commands, ENV, WORKDIR, CMD and
 * HEALTHCHECK are read from the file. Then it runs the image as Kubernetes would: the init container's
 * migration command, then the CMD, and checks what an operator checks. The repository itself is not touched.
 */

interface MirroredStage {
  /** The host folder that stands for the stage's `/`. */
  root: string;
  /** WORKDIR, as a container path. */
  workdir: string;
  /** ENV, as the Dockerfile sets it. */
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
}

const DOCKERFILE = parseDockerfile(await readFile(join(ROOT, 'Dockerfile'), 'utf8'));
const IGNORED = dockerignore(await readFile(join(ROOT, '.dockerignore'), 'utf8'));

/** Discord HTTP mode with made-up credentials: a server on PORT, no gateway, no API call at start. */
const DISCORD_HTTP = {
  DISCORD_MODE: 'http',
  DISCORD_TOKEN: 'image-test-token',
  DISCORD_APP_ID: '1300000000000000001',
  DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
  DISCORD_API_URL: 'http://127.0.0.1:9/api',
  LOG_LEVEL: 'warn',
};

/**
 * Variables of the test's own process that a container would not have: Mnemo's own settings, and the
 * npm_config_* that `npm test` hands down, which would reach the image's `npm ci` as settings.
 */
const HOST_ONLY =
  /^(npm_|INIT_CWD$|NODE_ENV$|VITEST|DATABASE_|DATA_DIR$|CARDS_DIR$|PORT$|LOG_LEVEL$|DISCORD_|SLACK_|DELIVERY_)/i;

function onHost(stage: MirroredStage, containerPath: string): string {
  return join(stage.root, posix.resolve(stage.workdir, containerPath));
}

/** The stage's ENV over this machine's environment; container paths in values point into the stage's folder. */
function containerEnv(stage: MirroredStage, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !HOST_ONLY.test(name)) env[name] = value;
  for (const [name, value] of Object.entries(stage.env))
    env[name] = value.startsWith('/') ? onHost(stage, value) : value;
  return { ...env, ...extra };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, exit, output: () => output };
}

async function succeed(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const exit = await run(command, args, options).exit;
  if (exit.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${exit.code}:\n${exit.output}`);
}

/** A container command, with this test's Node standing in for the image's `node`. */
function nodeCommand(words: readonly string[]): [string, string[]] {
  const [program, ...args] = words;
  if (program !== 'node') throw new Error(`expected a command that starts with node, got ${words.join(' ')}`);
  return [process.execPath, args];
}

/** One `RUN` step (the parts between &&), done the way the image build does it. */
async function runStep(step: string, stage: MirroredStage, line: number): Promise<void> {
  const words = step.trim().split(/\s+/);
  const cwd = onHost(stage, '.');
  const env = containerEnv(stage);
  if (words[0] === 'npm' && words[1] === 'ci') {
    if (words.includes('--omit=dev')) {
      // The Dockerfile's own command; --prefer-offline reuses this machine's npm cache when it can.
      await succeed('npm', [...words.slice(1), '--prefer-offline'], { cwd, env });
      return;
    }
    // Every dependency, exactly as the lockfile says: the repository's node_modules is that install.
    await symlink(join(ROOT, 'node_modules'), join(cwd, 'node_modules'), 'dir');
    return;
  }
  if (words[0] === 'npm' && words[1] === 'run') return succeed('npm', words.slice(1), { cwd, env });
  // It would empty this machine's npm cache, and changes nothing in the image's files.
  if (words[0] === 'npm' && words[1] === 'cache') return;
  if (words[0] === 'mkdir' && words[1] === '-p') {
    for (const path of words.slice(2)) await mkdir(onHost(stage, path), { recursive: true });
    return;
  }
  // Ownership is checked in manifests.test.ts; this test runs as whoever runs it.
  if (words[0] === 'chown') return;
  throw new Error(`Dockerfile:${line}: image.test.ts does not know how to mirror "RUN ${step}"`);
}

async function copy(
  rest: string,
  flags: Record<string, string>,
  stage: MirroredStage,
  built: Map<string, Promise<MirroredStage>>,
  line: number,
): Promise<void> {
  const { sources, destination } = copyPaths(rest);
  const target = onHost(stage, destination);
  const into = destination.endsWith('/') || sources.length > 1;
  for (const source of sources) {
    let from: string;
    let filter = (_path: string) => true;
    if (flags.from) {
      const earlier = built.get(flags.from);
      if (!earlier) throw new Error(`Dockerfile:${line}: no stage named ${flags.from}`);
      from = join((await earlier).root, source);
    } else {
      if (/[*?[]/.test(source)) throw new Error(`Dockerfile:${line}: image.test.ts does not expand globs`);
      if (IGNORED(source)) throw new Error(`Dockerfile:${line}: ${source} is left out by .dockerignore`);
      from = join(ROOT, source);
      filter = (path) => !IGNORED(relative(ROOT, path));
    }
    const isFolder = (await stat(from)).isDirectory();
    const to = into && !isFolder ? join(target, posix.basename(source)) : target;
    await cp(from, to, { recursive: true, filter });
  }
}

async function mirrorStage(
  stage: Stage,
  root: string,
  built: Map<string, Promise<MirroredStage>>,
): Promise<MirroredStage> {
  // Awaiting first lets every stage register in `built` before any COPY --from looks one up.
  await mkdir(root, { recursive: true });
  const mirrored: MirroredStage = { root, workdir: '/', env: {}, cmd: [], healthcheck: [] };
  for (const { keyword, args, line } of stage.instructions) {
    const { flags, rest } = splitFlags(args);
    switch (keyword) {
      case 'WORKDIR':
        mirrored.workdir = posix.resolve(mirrored.workdir, rest);
        await mkdir(onHost(mirrored, '.'), { recursive: true });
        break;
      case 'ENV':
        Object.assign(mirrored.env, envPairs(rest));
        break;
      case 'COPY':
        await copy(rest, flags, mirrored, built, line);
        break;
      case 'RUN':
        for (const step of rest.split('&&')) await runStep(step, mirrored, line);
        break;
      case 'CMD':
        mirrored.cmd = execForm(rest) ?? ['sh', '-c', rest];
        break;
      case 'HEALTHCHECK': {
        const { command } = healthcheckCommand(args);
        mirrored.healthcheck = execForm(command) ?? ['sh', '-c', command];
        break;
      }
      case 'USER':
      case 'EXPOSE':
      case 'LABEL':
      case 'STOPSIGNAL':
      case 'ARG':
        break;
      default:
        throw new Error(`Dockerfile:${line}: image.test.ts does not know how to mirror ${keyword}`);
    }
  }
  return mirrored;
}

/** Every stage, side by side: the runtime stage's `npm ci` runs while the build stage compiles. */
async function mirrorImage(folder: string): Promise<MirroredStage> {
  const built = new Map<string, Promise<MirroredStage>>();
  for (const [index, stage] of DOCKERFILE.entries()) {
    const name = stage.name ?? String(index);
    built.set(name, mirrorStage(stage, join(folder, name), built));
  }
  const stages = await Promise.all(built.values());
  const runtime = stages.at(-1);
  if (!runtime) throw new Error('the Dockerfile has no stage');
  return runtime;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The migration command of the Kubernetes init container (deploy/kubernetes/deployment.yaml). */
async function kubernetesMigrateCommand(): Promise<string[]> {
  const text = await readFile(join(ROOT, 'deploy/kubernetes/deployment.yaml'), 'utf8');
  for (const document of parseAllDocuments(text)) {
    const manifest = document.toJS();
    for (const container of manifest?.spec?.template?.spec?.initContainers ?? []) {
      const words: string[] = [...(container.command ?? []), ...(container.args ?? [])];
      if (words.includes('migrate')) return words;
    }
  }
  throw new Error('deployment.yaml has no init container that runs migrate');
}

async function migrationsApplied(database: { url: string } | { dataDir: string }): Promise<number> {
  const query = 'select count(*)::int as n from drizzle.__drizzle_migrations';
  if ('url' in database) {
    const client = postgres(database.url, { max: 1, onnotice: () => {} });
    const [row] = await client.unsafe<{ n: number }[]>(query);
    await client.end();
    return row?.n ?? 0;
  }
  // Where src/db/client.ts keeps PGlite's files inside DATA_DIR.
  const client = new PGlite(join(database.dataDir, 'pglite'));
  const { rows } = await client.query<{ n: number }>(query);
  await client.close();
  return rows[0]?.n ?? 0;
}

async function waitForHealth(port: number, exited: () => boolean, output: () => string): Promise<Response> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (exited()) throw new Error(`mnemo exited before /healthz answered:\n${output()}`);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (response?.status === 200) return response;
    if (Date.now() > deadline) throw new Error(`/healthz did not answer 200 within 45 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let folder = '';
let image: MirroredStage;
let database: { url: string } | { dataDir: string };
let admin: postgres.Sql | null = null;
let databaseName = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mnemo-image-'));
  image = await mirrorImage(folder);
  if (TEST_DATABASE_URL) {
    databaseName = `mnemo_image_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName}`);
    database = { url: withDatabase(TEST_DATABASE_URL, databaseName) };
  } else {
    // The image's own PGlite folder (ENV DATA_DIR), made by its RUN mkdir.
    database = { dataDir: containerEnv(image).DATA_DIR ?? '' };
  }
}, 240_000);

afterAll(async () => {
  if (admin) {
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
  if (folder) await rm(folder, { recursive: true, force: true });
});

function databaseEnv(): Record<string, string> {
  return 'url' in database ? { DATABASE_URL: database.url } : {};
}

describe('the image, built from the Dockerfile without Docker', () => {
  it('GIVEN the runtime stage THEN it holds the compiled entry point, migrations, decks and production dependencies only', async () => {
    const app = onHost(image, '.');
    const entries = await readdir(app);
    expect(entries).toEqual(
      expect.arrayContaining(['package.json', 'dist', 'drizzle', 'cards', 'node_modules']),
    );
    expect(entries).not.toContain('src');
    expect(entries).not.toContain('test');
    await expect(stat(join(app, 'dist/main.js'))).resolves.toBeTruthy();
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev)
      .map(([path]) => path);
    expect(devOnly.length).toBeGreaterThan(0);
    const present: string[] = [];
    for (const path of devOnly) if (await stat(join(app, path)).catch(() => null)) present.push(path);
    expect(present).toEqual([]);
  });

  it('GIVEN a fresh database THEN the Kubernetes init container command migrates it and exits 0', async () => {
    const [command, args] = nodeCommand(await kubernetesMigrateCommand());
    const exit = await run(command, args, {
      cwd: onHost(image, '.'),
      env: containerEnv(image, { ...DISCORD_HTTP, ...databaseEnv() }),
    }).exit;
    expect(exit.code, exit.output).toBe(0);
    const journal = JSON.parse(await readFile(join(ROOT, 'drizzle/meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(await migrationsApplied(database)).toBe(journal.entries.length);
  });

  describe('started with its CMD in Discord HTTP mode', () => {
    let port = 0;
    let server: ReturnType<typeof run>;
    let exited = false;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      port = await freePort();
      env = containerEnv(image, { ...DISCORD_HTTP, ...databaseEnv(), PORT: String(port) });
      const [command, args] = nodeCommand(image.cmd);
      server = run(command, args, { cwd: onHost(image, '.'), env });
      server.exit.then(() => {
        exited = true;
      });
      await waitForHealth(port, () => exited, server.output);
    }, 60_000);

    afterAll(() => {
      if (!exited) server.child.kill('SIGTERM');
    });

    it('GIVEN it is up THEN /healthz answers 200 {"status":"ok"} and the decks were loaded', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(server.output()).toMatch(/\d+ decks?, [1-9]\d* cards/);
    });

    it('GIVEN it is up THEN /metrics serves mnemo_ metrics with the database up', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toMatch(/^mnemo_database_up 1$/m);
      expect(text).toMatch(/^mnemo_process_resident_memory_bytes \d+/m);
    });

    it('GIVEN it is up THEN the HEALTHCHECK command passes', async () => {
      const [command, args] = nodeCommand(image.healthcheck);
      const exit = await run(command, args, { cwd: onHost(image, '.'), env }).exit;
      expect(exit.code).toBe(0);
    });

    it('GIVEN SIGTERM THEN it exits 0 within 10 s, and the HEALTHCHECK then fails', async () => {
      server.child.kill('SIGTERM');
      const exit = await Promise.race([
        server.exit,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      expect(exit, `still running 10 s after SIGTERM:\n${server.output()}`).not.toBeNull();
      expect(exit?.signal).toBeNull();
      expect(exit?.code).toBe(0);
      const [command, args] = nodeCommand(image.healthcheck);
      const check = await run(command, args, { cwd: onHost(image, '.'), env }).exit;
      expect(check.code).not.toBe(0);
    });
  });
});
