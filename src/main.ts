import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import type { Logger } from 'pino';
import { CONSOLE_PLACE, runConsole } from './adapters/console/console.ts';
import { checkCommand } from './cli/cards.ts';
import { reportFatal } from './cli/fatal.ts';
import { gradeCommand } from './cli/grade.ts';
import { type CommandIo, print } from './cli/io.ts';
import { syncCommand } from './cli/sync.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { Community } from './core/community/community.ts';
import { Deliveries } from './core/delivery/deliveries.ts';
import type { Messenger } from './core/delivery/ports.ts';
import type { Clock } from './core/quiz/ports.ts';
import { Quiz } from './core/quiz/quiz.ts';
import { type Connection, openDatabase } from './db/client.ts';
import { DrizzleCommunityStore } from './db/community-store.ts';
import { DrizzleDeliveryStore } from './db/delivery-store.ts';
import { DrizzleInboundEvents } from './db/inbound-events.ts';
import { DrizzleQuizStore } from './db/quiz-store.ts';
import { disputedAnswers } from './db/suggestions.ts';
import { readDecks } from './decks/read.ts';
import { watchCardsFolder } from './decks/watch.ts';
import { type RouteHandler, startHttpServer } from './http/server.ts';
import { loadLanguage } from './languages/load.ts';
import { healthRoute } from './ops/health.ts';
import { createLogger, databasePassword } from './ops/logger.ts';
import { Metrics } from './ops/metrics.ts';

const USAGE = `Usage: mnemo <command>

  start                     sync the decks and run the bot (the console quiz when no chat platform is set up)
  quiz [--deck ID]          the console quiz
  cards check [PATH…] [--json]
                            validate deck files or folders (default: CARDS_DIR)
  cards sync [--allow-retire]
                            load the decks into the database (--allow-retire: even if that retires most cards)
  cards suggestions         answers people disputed ("I was right"), per card: candidates for aliases
  grade                     grade JSON lines from stdin: {"expected","accept"?,"answer","ms"?}
  migrate                   apply database migrations and exit
  discord register          register the slash commands (in DISCORD_GUILD_ID, else globally)`;

const systemClock: Clock = { now: () => new Date() };

/** The composition root: builds every part from the configuration and runs one command. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    print(io.stdout, USAGE);
    return 0;
  }
  if (command === 'grade') return gradeCommand(io);

  const config = loadConfig(env);
  const log = createLogger(config.logLevel, [
    config.discord?.token,
    config.discord?.publicKey,
    config.slack?.botToken,
    config.slack?.connection.mode === 'http'
      ? config.slack.connection.signingSecret
      : config.slack?.connection.appToken,
    databasePassword(config.databaseUrl),
  ]);
  return runCommand(command, rest, config, io, log).catch((error: unknown) => reportFatal(error, io, log));
}

async function runCommand(
  command: string,
  rest: readonly string[],
  config: Config,
  io: CommandIo,
  log: Logger,
): Promise<number> {
  const allowRetire = rest.includes('--allow-retire');
  const sync = (connection: Connection) =>
    syncCommand(connection.db, config.cardsDir, { allowRetire }, io, log);
  if (command === 'cards') {
    const [sub, ...paths] = rest;
    const json = paths.includes('--json');
    const targets = paths.filter((path) => path !== '--json');
    if (sub === 'check')
      return checkCommand(await readDecks(targets.length > 0 ? targets : [config.cardsDir]), io, json);
    if (sub === 'sync') return withDatabase(config, sync);
    if (sub === 'suggestions')
      return withDatabase(config, (connection) => suggestionsCommand(connection, io));
    print(io.stderr, `mnemo: unknown "cards ${sub ?? ''}". ${USAGE}`);
    return 2;
  }
  if (command === 'migrate') return withDatabase(config, async () => 0);
  if (command === 'discord' && rest[0] === 'register') {
    if (!config.discord)
      throw new ConfigError('Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID');
    const { registerDiscordCommands } = await import('./adapters/discord/index.ts');
    const registered = await registerDiscordCommands(config.discord);
    print(
      io.stdout,
      `Registered ${registered.commands.length} ${registered.scope} commands: ${registered.commands.join(', ')}`,
    );
    return 0;
  }
  if (command === 'start' || command === 'quiz') {
    const deckFlag = rest.indexOf('--deck');
    const deckId = deckFlag >= 0 ? (rest[deckFlag + 1] ?? null) : null;
    // English is every deck's language until decks declare one: its dictionary and synonyms load once here.
    await loadLanguage('en');
    return withDatabase(config, async (connection) => {
      const synced = await sync(connection);
      if (synced !== 0) return synced;
      const watcher = config.cardsWatch
        ? watchCardsFolder({ db: connection.db, cardsDir: config.cardsDir, log })
        : null;
      try {
        if (command === 'start' && (config.discord || config.slack))
          return await runBot(config, connection, log);
        if (command === 'start')
          print(io.stderr, 'No Discord or Slack credentials are set: starting the console quiz.');
        return await consoleQuiz(connection, io, deckId);
      } finally {
        await watcher?.stop();
      }
    });
  }
  print(io.stderr, `mnemo: unknown command "${command}".\n${USAGE}`);
  return 2;
}

interface RunningAdapter {
  name: 'discord' | 'slack';
  routes: Record<string, RouteHandler>;
  messenger: Messenger;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE = 7_000; // ms: in-flight work gets this long after SIGTERM, so the exit comes within 10 s

/** The chat bot: platform adapters, one HTTP server on PORT, and the delivery tick, until SIGTERM or SIGINT. */
async function runBot(config: Config, connection: Connection, log: Logger): Promise<number> {
  const clock = systemClock;
  const quizStore = new DrizzleQuizStore(connection);
  const metrics = new Metrics(connection.ping);
  metrics.databasePoolSize.set(connection.kind === 'postgres' ? config.databasePoolSize : 1);
  const quiz = new Quiz({
    store: quizStore,
    clock,
    newId: randomUUID,
    onAnswered: (verdict, elapsedMs) => {
      metrics.answers.inc({ verdict });
      metrics.answerSeconds.observe(elapsedMs / 1_000);
    },
  });
  const community = new Community({ store: new DrizzleCommunityStore(connection.db), quizStore, clock });
  const inboundEvents = new DrizzleInboundEvents(connection);
  const shared = { quiz, community, inboundEvents, clock };
  const adapters: RunningAdapter[] = [];
  // Each platform's code is loaded only when it is configured: discord.js and Bolt each hold tens of MB.
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.ts');
    const adapter = createDiscordAdapter({
      ...shared,
      config: config.discord,
      log: log.child({ platform: 'discord' }),
      onPlatformError: (status) => metrics.platformErrors.inc({ platform: 'discord', status }),
    });
    adapters.push({ name: 'discord', ...adapter });
  }
  if (config.slack) {
    const { createSlackAdapter } = await import('./adapters/slack/index.ts');
    const adapter = createSlackAdapter({
      ...shared,
      config: config.slack,
      log: log.child({ platform: 'slack' }),
      onPlatformError: (status) => metrics.platformErrors.inc({ platform: 'slack', status }),
    });
    adapters.push({ name: 'slack', ...adapter });
  }

  const http = await startHttpServer({
    port: config.port,
    routes: Object.assign(
      { '/healthz': healthRoute(connection.ping), '/metrics': metrics.route() },
      ...adapters.map((adapter) => adapter.routes),
    ),
    onError: (error, request) => log.error({ err: error, path: request.url }, 'HTTP handler failed'),
  });
  for (const adapter of adapters) await adapter.start();
  log.info({ port: http.port, platforms: adapters.map((adapter) => adapter.name) }, 'Mnemo is running');

  const deliveries = new Deliveries({
    store: new DrizzleDeliveryStore(connection),
    clock,
    leaseMs: config.deliveryLeaseMs,
    messengers: Object.fromEntries(adapters.map((adapter) => [adapter.name, adapter.messenger])),
    onProblem: (problem) => log.warn({ ...problem, err: problem.cause }, problem.message),
  });
  if (config.deliveryEnabled) {
    const resumed = await deliveries.resume(adapters.map((adapter) => adapter.name));
    if (resumed > 0) log.info({ tenants: resumed }, 'delivery resumed where a refused token had stopped it');
  }
  let ticking: Promise<unknown> = Promise.resolve();
  const tick = cron.schedule(
    config.deliveryCron,
    () => {
      ticking = deliveries
        .tick()
        .then((report) => {
          for (const [status, count] of Object.entries(report))
            if (count > 0) metrics.deliveries.inc({ status }, count);
          if (report.planned + report.sent + report.failed > 0) log.info(report, 'delivery tick');
        })
        .catch((error: unknown) => log.error({ err: error }, 'delivery tick failed; the next tick retries'));
      return ticking;
    },
    { noOverlap: true, name: 'delivery' },
  );
  if (!config.deliveryEnabled) await tick.stop();

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'shutting down');
  await tick.stop();
  deliveries.stop();
  await Promise.race([ticking, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE).unref())]);
  await http.close();
  for (const adapter of adapters)
    await adapter.stop().catch((error: unknown) => log.warn({ err: error }, 'adapter stop failed'));
  // A platform request still hanging past the grace period must not hold the process open.
  setTimeout(() => process.exit(0), 1_000).unref();
  return 0;
}

async function withDatabase(
  config: Config,
  run: (connection: Connection) => Promise<number>,
): Promise<number> {
  const connection = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    return await run(connection);
  } finally {
    await connection.close();
  }
}

async function suggestionsCommand(connection: Connection, io: CommandIo): Promise<number> {
  const rows = await disputedAnswers(connection.db);
  if (rows.length === 0) print(io.stdout, 'No disputed answers yet.');
  let card = '';
  for (const row of rows) {
    if (row.cardId !== card) {
      card = row.cardId;
      print(io.stdout, `${row.deckId}/${row.cardId}: ${row.question} (answer: ${row.answer})`);
    }
    print(io.stdout, `  ${row.times}× "${row.disputed}"`);
  }
  return 0;
}

async function consoleQuiz(connection: Connection, io: CommandIo, deckId: string | null): Promise<number> {
  const quiz = new Quiz({
    store: new DrizzleQuizStore(connection),
    clock: systemClock,
    newId: randomUUID,
  });
  const stop = () => io.stdin.destroy();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runConsole({
      quiz,
      input: io.stdin,
      output: io.stdout,
      place: CONSOLE_PLACE,
      person: { platform: 'console', externalId: userInfo().username },
      deckId,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}

// Compared through realpath: a deploy that runs dist/ through a symlink must still start.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  main(process.argv.slice(2), process.env, io)
    .catch((error: unknown) => reportFatal(error, io, createLogger('error', [])))
    .then((code) => {
      process.exitCode = code;
    });
}
