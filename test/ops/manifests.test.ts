import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { discordEnvironment } from '../../src/config/discord.ts';
import { slackEnvironment } from '../../src/config/slack.ts';
import { loadConfig } from '../../src/config.ts';
import { ROOT } from '../support/cli.ts';
import {
  copyPaths,
  dockerignore,
  execForm,
  healthcheckCommand,
  instructions,
  parseDockerfile,
  type Stage,
  splitFlags,
} from './dockerfile.ts';

// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML, read field by field
type Manifest = any;

const read = (path: string) => readFile(join(ROOT, path), 'utf8');

/** Every variable src/config.ts reads: the core ones in its schema, and the adapters' merged into it. */
async function configVariables(): Promise<string[]> {
  const source = await read('src/config.ts');
  const start = source.indexOf('const environmentSchema');
  const schema = source.slice(start, source.indexOf('});', start));
  const core = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1] ?? '');
  return [...core, ...Object.keys(discordEnvironment), ...Object.keys(slackEnvironment)].sort();
}

const CORE_VARIABLES = [
  'DATABASE_URL',
  'DATA_DIR',
  'CARDS_DIR',
  'LOG_LEVEL',
  'PORT',
  'DATABASE_POOL_SIZE',
  'DELIVERY_CRON',
  'DELIVERY_ENABLED',
];
const SECRET_VARIABLES = [
  'DATABASE_URL',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MNEMO_SECRET_KEY',
  'MNEMO_SECRET_KEY_OLD',
];

/** Kubernetes quantities: memory in bytes (`512Mi`), CPU in cores (`200m`). */
function quantity(value: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|k|M|G)?$/.exec(String(value));
  if (!match) throw new Error(`not a quantity: ${value}`);
  const scale: Record<string, number> = {
    m: 1e-3,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    k: 1e3,
    M: 1e6,
    G: 1e9,
  };
  return Number(match[1]) * (match[2] ? (scale[match[2]] ?? Number.NaN) : 1);
}

describe('Dockerfile', async () => {
  const stages = parseDockerfile(await read('Dockerfile'));
  const runtime = stages.at(-1) as Stage;
  const last = (keyword: string) => instructions(runtime, keyword).at(-1)?.args ?? '';

  it('GIVEN the Dockerfile THEN it builds in one stage and runs from a Debian slim Node LTS in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [, major, debian] = /^node:(\d+)-(\w+)-slim$/.exec(runtime.base) ?? [];
    // Even majors are the LTS lines; bookworm and trixie are Debian releases with glibc.
    expect(Number(major) % 2, runtime.base).toBe(0);
    expect(Number(major)).toBeGreaterThanOrEqual(22);
    expect(['bookworm', 'trixie']).toContain(debian);
    expect(stages.map((stage) => stage.base)).toEqual(stages.map(() => runtime.base));
    const buildRuns = stages.slice(0, -1).flatMap((stage) => instructions(stage, 'RUN'));
    expect(buildRuns.map((run) => run.args).join('\n')).toMatch(/npm ci\b[\s\S]*npm run build/);
  });

  it('GIVEN the runtime stage THEN it copies only package*.json with its postinstall script, the compiled dist/, drizzle/ and cards/, and installs production dependencies', () => {
    const copied = instructions(runtime, 'COPY').flatMap(({ args }) => {
      const { flags, rest } = splitFlags(args);
      return copyPaths(rest).sources.map((source) => (flags.from ? `${flags.from}:${source}` : source));
    });
    expect(copied.sort()).toEqual([
      'build:/app/dist',
      'cards',
      'drizzle',
      'package-lock.json',
      'package.json',
      'scripts/patch-postgres.mjs',
    ]);
    const runs = instructions(runtime, 'RUN').map((run) => run.args);
    expect(runs.some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(runs.join('\n')).not.toMatch(/npm (install|i)\b/);
  });

  it('GIVEN the runtime stage THEN it runs as a non-root user who owns the PGlite folder and nothing else', () => {
    const user = last('USER');
    expect(user).not.toBe('');
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
    const chowns = instructions(runtime, 'RUN').flatMap(({ args }) =>
      [...args.matchAll(/chown (?:-R )?(\S+) (\S+)/g)].map((match) => ({ owner: match[1], path: match[2] })),
    );
    expect(chowns).toEqual([{ owner: user, path: '/app/data' }]);
    for (const copy of instructions(runtime, 'COPY'))
      expect(splitFlags(copy.args).flags.chown).toBeUndefined();
  });

  it('GIVEN the image THEN its HEALTHCHECK asks /healthz with node (slim images have no curl)', () => {
    const { command } = healthcheckCommand(last('HEALTHCHECK'));
    const words = execForm(command);
    expect(words?.[0]).toBe('node');
    expect(words?.join(' ')).toContain('/healthz');
    expect(command).not.toMatch(/\b(curl|wget)\b/);
  });

  it('GIVEN the image THEN CMD runs node itself in exec form, so SIGTERM reaches Mnemo', () => {
    const words = execForm(last('CMD'));
    expect(words).toEqual(['node', 'dist/main.js', 'start']);
  });

  it('GIVEN .dockerignore THEN the context keeps what the Dockerfile copies and leaves out secrets and local state', async () => {
    const ignored = dockerignore(await read('.dockerignore'));
    const sources = stages.flatMap((stage) =>
      instructions(stage, 'COPY')
        .map(({ args }) => splitFlags(args))
        .filter(({ flags }) => !flags.from)
        .flatMap(({ rest }) => copyPaths(rest).sources),
    );
    expect(sources.filter(ignored)).toEqual([]);
    for (const path of [
      '.env',
      '.env.local',
      'node_modules',
      'src/node_modules',
      'data',
      'dist',
      '.git',
      'npm-debug.log',
    ])
      expect(ignored(path), path).toBe(true);
  });
});

describe('compose.yaml', async () => {
  const compose: Manifest = parse(await read('compose.yaml'));
  const { postgres, mnemo } = compose.services;

  it('GIVEN the postgres service THEN its healthcheck is pg_isready over TCP and its data is on a named volume', () => {
    const test = postgres.healthcheck.test;
    const command = Array.isArray(test) ? test.join(' ') : String(test);
    expect(command).toMatch(/pg_isready .*-h 127\.0\.0\.1/);
    const mounts: string[] = postgres.volumes.map((mount: Manifest) =>
      typeof mount === 'string' ? mount : `${mount.source}:${mount.target}`,
    );
    const data = mounts.find((mount) => mount.endsWith(':/var/lib/postgresql/data'));
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data?.split(':')[0]);
  });

  it('GIVEN the mnemo service THEN it waits for a healthy postgres, reads secrets from .env and uses that database', () => {
    expect(mnemo.depends_on.postgres.condition).toBe('service_healthy');
    const envFiles = [mnemo.env_file]
      .flat()
      .map((file: Manifest) => (typeof file === 'string' ? file : file.path));
    expect(envFiles).toContain('.env');
    const url = new URL(String(mnemo.environment.DATABASE_URL).replace(/\$\{POSTGRES_PASSWORD\}/, 'secret'));
    expect(url.hostname).toBe('postgres');
    expect(url.username).toBe(postgres.environment.POSTGRES_USER);
    expect(url.pathname).toBe(`/${postgres.environment.POSTGRES_DB}`);
    expect(String(postgres.environment.POSTGRES_PASSWORD)).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('GIVEN docker compose stop THEN Mnemo gets more than its 10 s shutdown before SIGKILL', () => {
    expect(mnemo.build).toBe('.');
    expect(Number.parseInt(String(mnemo.stop_grace_period), 10)).toBeGreaterThan(10);
  });
});

describe('.env.example', async () => {
  const lines = (await read('.env.example')).split('\n');
  const assignments = lines.flatMap((line) => {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return match ? [{ commented: Boolean(match[1]), name: match[2] ?? '', value: match[3] ?? '' }] : [];
  });
  const variables = await configVariables();

  it('GIVEN src/config.ts THEN .env.example names every variable it reads', () => {
    expect(variables).toEqual(expect.arrayContaining(CORE_VARIABLES));
    const named = new Set(assignments.map((assignment) => assignment.name));
    expect(variables.filter((name) => !named.has(name))).toEqual([]);
  });

  it('GIVEN .env.example THEN every name in it is read by Mnemo or by compose.yaml (no typo is silently ignored)', async () => {
    const compose = await read('compose.yaml');
    const unknown = assignments
      .map((assignment) => assignment.name)
      .filter((name) => !variables.includes(name) && !compose.includes(`\${${name}`));
    expect(unknown).toEqual([]);
  });

  it('GIVEN .env.example copied to .env as it is THEN the configuration loads, with every secret blank', () => {
    const env = Object.fromEntries(
      assignments.filter((assignment) => !assignment.commented).map(({ name, value }) => [name, value]),
    );
    expect(() => loadConfig(env)).not.toThrow();
    for (const name of [...SECRET_VARIABLES, 'POSTGRES_PASSWORD']) expect(env[name] ?? '', name).toBe('');
  });

  it('GIVEN a commented-out line THEN its value is the default (uncommenting it changes nothing)', () => {
    const defaults = loadConfig({});
    for (const { name, value } of assignments.filter(
      (assignment) => assignment.commented && variables.includes(assignment.name),
    ))
      expect(loadConfig({ [name]: value }), `${name}=${value}`).toEqual(defaults);
  });
});

describe('deploy/kubernetes', async () => {
  const folder = 'deploy/kubernetes';
  const files = (await readdir(join(ROOT, folder))).filter((file) => /\.ya?ml$/.test(file)).sort();
  const documents: { file: string; manifest: Manifest }[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(await read(join(folder, file)))) {
      if (document.errors.length > 0) throw new Error(`${folder}/${file}: ${document.errors[0]?.message}`);
      documents.push({ file, manifest: document.toJS() });
    }
  }
  const byKind = (kind: string): Manifest[] =>
    documents.filter(({ manifest }) => manifest?.kind === kind).map(({ manifest }) => manifest);
  const [deployment] = byKind('Deployment');
  const [configMap] = byKind('ConfigMap');
  const [secret] = byKind('Secret');
  const pod = deployment?.spec?.template?.spec;
  const app = pod?.containers?.[0];
  const variables = await configVariables();

  it('GIVEN every manifest THEN it parses, and has an apiVersion, a kind and a name', () => {
    expect(files).toEqual(expect.arrayContaining(['deployment.yaml', 'kustomization.yaml']));
    for (const { file, manifest } of documents) {
      expect(manifest?.apiVersion, file).toBeTruthy();
      expect(manifest?.kind, file).toBeTruthy();
      if (manifest.kind !== 'Kustomization') expect(manifest.metadata?.name, file).toBeTruthy();
    }
    expect(byKind('Deployment')).toHaveLength(1);
    expect(byKind('ConfigMap')).toHaveLength(1);
    expect(byKind('Secret')).toHaveLength(1);
  });

  it('GIVEN the kustomization THEN it applies every manifest but the example Secret', () => {
    const [kustomization] = byKind('Kustomization');
    const expected = files.filter((file) => !['kustomization.yaml', 'secret.example.yaml'].includes(file));
    expect([...kustomization.resources].sort()).toEqual(expected);
    expect(documents.find(({ manifest }) => manifest.kind === 'Secret')?.file).toBe('secret.example.yaml');
  });

  it('GIVEN the Deployment THEN it runs 3 replicas of `start` in Discord HTTP mode, set by its ConfigMap', () => {
    expect(deployment.spec.replicas).toBe(3);
    expect(app.command ?? ['node', 'dist/main.js', 'start']).toEqual(['node', 'dist/main.js', 'start']);
    const configMaps = app.envFrom.map((source: Manifest) => source.configMapRef?.name).filter(Boolean);
    expect(configMaps).toEqual([configMap.metadata.name]);
    expect(configMap.data.DISCORD_MODE).toBe('http');
    const secrets = app.envFrom.map((source: Manifest) => source.secretRef?.name).filter(Boolean);
    expect(secrets).toEqual([secret.metadata.name]);
  });

  it('GIVEN the probes THEN readiness, liveness and start-up ask /healthz on the port Mnemo listens on', () => {
    const port = app.ports.find((candidate: Manifest) => candidate.name === 'http');
    expect(String(port.containerPort)).toBe(configMap.data.PORT);
    for (const probe of [app.readinessProbe, app.livenessProbe, app.startupProbe]) {
      expect(probe.httpGet.path).toBe('/healthz');
      expect([port.name, port.containerPort]).toContain(probe.httpGet.port);
      // /healthz gives the database 2 s before it answers 503: the probe must wait longer than that.
      expect(probe.timeoutSeconds).toBeGreaterThan(2);
    }
  });

  it('GIVEN a short database outage THEN readiness takes pods out at once but liveness waits minutes before a restart', () => {
    const window = (probe: Manifest) => probe.periodSeconds * probe.failureThreshold;
    expect(window(app.readinessProbe)).toBeLessThanOrEqual(15);
    expect(window(app.livenessProbe)).toBeGreaterThanOrEqual(120);
  });

  it('GIVEN the pod THEN every container has CPU and memory requests and limits, and V8 heap fits in the limit', () => {
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      const { requests, limits } = container.resources;
      for (const resource of ['cpu', 'memory']) {
        expect(requests[resource], `${container.name} ${resource}`).toBeDefined();
        expect(quantity(requests[resource])).toBeLessThanOrEqual(quantity(limits[resource]));
      }
    }
    const heap = /--max-old-space-size=(\d+)/.exec(
      app.env.find((variable: Manifest) => variable.name === 'NODE_OPTIONS')?.value ?? '',
    );
    expect(heap).not.toBeNull();
    expect(Number(heap?.[1]) * 2 ** 20).toBeLessThan(quantity(app.resources.limits.memory));
  });

  it('GIVEN the pod THEN it runs as the Dockerfile USER, never root, without privilege escalation', async () => {
    const runtime = parseDockerfile(await read('Dockerfile')).at(-1) as Stage;
    const user = instructions(runtime, 'USER').at(-1)?.args.split(':')[0];
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).not.toBe(0);
    expect(String(pod.securityContext.runAsUser)).toBe(user);
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      expect(container.securityContext.allowPrivilegeEscalation, container.name).toBe(false);
      expect(container.securityContext.capabilities.drop, container.name).toContain('ALL');
    }
  });

  it('GIVEN SIGTERM THEN the grace period covers the preStop pause and Mnemo’s 10 s shutdown', () => {
    const pause = Number(app.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(10 + pause);
  });

  it('GIVEN a rollout THEN an init container runs `migrate` from the same image on the same database first', () => {
    const migrate = (pod.initContainers ?? []).find((container: Manifest) =>
      [...(container.command ?? []), ...(container.args ?? [])].includes('migrate'),
    );
    expect(migrate).toBeDefined();
    expect(migrate.image).toBe(app.image);
    expect(migrate.envFrom).toEqual(app.envFrom);
  });

  it('GIVEN the Service THEN it selects the pods and targets their http port', () => {
    const [service] = byKind('Service');
    const labels = deployment.spec.template.metadata.labels;
    expect(Object.entries(service.spec.selector).every(([key, value]) => labels[key] === value)).toBe(true);
    expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);
    const names = app.ports.flatMap((port: Manifest) => [port.name, port.containerPort]);
    for (const port of service.spec.ports) expect(names).toContain(port.targetPort);
  });

  it('GIVEN the HorizontalPodAutoscaler THEN it scales the Deployment from its 3 replicas, within PostgreSQL’s connections', () => {
    const [hpa] = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    // Each pod holds up to DATABASE_POOL_SIZE connections; PostgreSQL allows 100 by default.
    expect(hpa.spec.maxReplicas * Number(configMap.data.DATABASE_POOL_SIZE)).toBeLessThanOrEqual(90);
  });

  it('GIVEN the PodDisruptionBudget THEN it covers the Deployment’s pods', () => {
    const [budget] = byKind('PodDisruptionBudget');
    expect(budget.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });

  it('GIVEN the ConfigMap and the Secret THEN every key is a variable Mnemo reads, secrets only in the Secret', () => {
    const configKeys = Object.keys(configMap.data);
    const secretKeys = Object.keys(secret.stringData ?? secret.data ?? {});
    expect([...configKeys, ...secretKeys].filter((key) => !variables.includes(key))).toEqual([]);
    expect(configKeys.filter((key) => secretKeys.includes(key))).toEqual([]);
    expect(configKeys.filter((key) => SECRET_VARIABLES.includes(key))).toEqual([]);
    expect(() => loadConfig(configMap.data)).not.toThrow();
  });

  it('GIVEN the example Secret THEN it holds placeholders, no real secret', () => {
    expect(secret.data).toBeUndefined();
    for (const [key, value] of Object.entries(secret.stringData as Record<string, string>))
      expect(value === '' || value.includes('REPLACE_ME'), `${key}: ${value}`).toBe(true);
  });
});
