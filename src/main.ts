import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import type { Logger } from 'pino';
import { CONSOLE_PLACE, runConsole } from './adapters/console/console.ts';
import { buildBot } from './bot.ts';
import { checkCommand } from './cli/cards.ts';
import { type CommandName, commandUsage, parseCommandLine } from './cli/commands.ts';
import { reportFatal } from './cli/fatal.ts';
import { memoryModelOptimizer, optimizeCommand, rescheduleCommand } from './cli/fsrs.ts';
import { gradeCommand } from './cli/grade.ts';
import { exportCommand, importCommand } from './cli/import.ts';
import { type CommandIo, print } from './cli/io.ts';
import { privacyDeleteCommand, privacyExportCommand } from './cli/privacy.ts';
import { simulateCommand } from './cli/simulate.ts';
import { statsCommand } from './cli/stats.ts';
import { syncCommand } from './cli/sync.ts';
import { type Config, loadConfig } from './config.ts';
import type { Clock } from './core/clock.ts';
import { MnemoError } from './core/errors.ts';
import { onMissingLanguage } from './core/grading/language.ts';
import { Privacy } from './core/privacy/privacy.ts';
import { type Connection, openDatabase } from './db/client.ts';
import { PgCommunityStore } from './db/community-store.ts';
import { refreshPlannerStatistics } from './db/planner-statistics.ts';
import { PgPrivacyStore } from './db/privacy-store.ts';
import { disputedAnswers } from './db/suggestions.ts';
import { loadDeckLanguages } from './decks/languages.ts';
import { readDecks } from './decks/read.ts';
import { watchCardsFolder } from './decks/watch.ts';
import { startHttpServer } from './http/server.ts';
import { loadLanguage } from './languages/load.ts';
import { createLogger, databasePassword } from './ops/logger.ts';
import { collectStartGarbage } from './ops/start-garbage.ts';

const systemClock: Clock = { now: () => new Date() };

/** The composition root: builds every part from the configuration and runs one command. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<number> {
  const invocation = parseCommandLine(argv);
  if (invocation.kind === 'help' || invocation.kind === 'version') {
    print(io.stdout, invocation.text);
    return 0;
  }
  if (invocation.kind === 'usage-error') {
    print(io.stderr, invocation.text);
    return 2;
  }
  if (invocation.command === 'grade') return gradeCommand(io);

  const config = loadConfig(env);
  const bot = invocation.command === 'start' && (config.discord !== null || config.slack !== null);
  const consoleQuizMode = (invocation.command === 'start' && !bot) || invocation.command === 'quiz';
  const log = createLogger(
    config.logLevel,
    [
      config.discord?.token,
      config.discord?.publicKey,
      config.slack?.botToken,
      config.slack?.oauth?.clientSecret,
      config.slack?.oauth?.stateSecret,
      config.slack?.oauth?.secretKey.toString('base64'),
      config.slack?.oauth?.oldSecretKey?.toString('base64'),
      config.slack?.connection.mode === 'http'
        ? config.slack.connection.signingSecret
        : config.slack?.connection.appToken,
      databasePassword(config.databaseUrl),
    ],
    bot
      ? { kind: 'stderr' }
      : {
          kind: 'person',
          file: consoleQuizMode ? join(config.dataDir, 'mnemo.log') : null,
          readable: isTerminal(io.stderr),
        },
  );
  return runCommand(invocation, { bot, consoleQuizMode }, config, io, log).catch((error: unknown) =>
    reportFatal(error, io, log),
  );
}

async function runCommand(
  invocation: {
    command: CommandName;
    flags: Record<string, string | boolean | undefined>;
    positionals: string[];
  },
  mode: { bot: boolean; consoleQuizMode: boolean },
  config: Config,
  io: CommandIo,
  log: Logger,
): Promise<number> {
  const { command, flags, positionals } = invocation;
  const allowRetire = flags['allow-retire'] === true;
  const sync = async (connection: Connection) => {
    // The first load takes every card at once; on later starts the count comes right away.
    if ((await new PgCommunityStore(connection.db).listDecks(null)).length === 0)
      print(io.stderr, `Loading the decks of ${config.cardsDir} into the database…`);
    return syncCommand(connection.db, config.cardsDir, { allowRetire }, io, log);
  };
  const withPrivacy = (work: (privacy: Privacy) => Promise<number>) =>
    withDatabase(config, (connection) =>
      work(new Privacy({ store: new PgPrivacyStore(connection.db), clock: systemClock })),
    );
  switch (command) {
    case 'grade':
      return gradeCommand(io);
    case 'cards check':
      return checkCommand(
        await readDecks(positionals.length > 0 ? positionals : [config.cardsDir]),
        io,
        flags.json === true,
      );
    case 'cards sync':
      return withDatabase(config, sync, io);
    case 'cards import':
    case 'cards export': {
      if (positionals.length !== 1) {
        const what = command === 'cards import' ? 'FILE' : 'DECK';
        print(io.stderr, `mnemo ${command}: give one ${what}.\n\n${commandUsage(command)}`);
        return 2;
      }
      const [target = ''] = positionals;
      return withDatabase(
        config,
        (connection) =>
          command === 'cards import'
            ? importCommand(connection.db, target, flags, io)
            : exportCommand(connection.db, target, flags, io),
        io,
      );
    }
    case 'cards suggestions':
      return withDatabase(config, (connection) => suggestionsCommand(connection, io));
    case 'stats':
      return statsCommand(flags, io, systemClock.now(), (run) => withDatabase(config, run));
    case 'migrate':
      return withDatabase(config, async (connection) => migrateCommand(connection, io), io);
    case 'privacy export':
      return privacyExportCommand(withPrivacy, flags, io);
    case 'privacy delete':
      return privacyDeleteCommand(withPrivacy, flags, io, log, isTerminal(io.stdin));
    case 'fsrs optimize':
      return withDatabase(config, (connection) =>
        optimizeCommand(
          connection.db,
          systemClock,
          { person: typeof flags.person === 'string' ? flags.person : undefined, json: flags.json === true },
          io,
        ),
      );
    case 'fsrs reschedule':
      return withDatabase(config, (connection) =>
        rescheduleCommand(
          connection,
          systemClock,
          { person: typeof flags.person === 'string' ? flags.person : undefined, json: flags.json === true },
          io,
        ),
      );
    case 'simulate':
      return withDatabase(config, (connection) => simulateCommand(connection, flags, io));
    case 'discord register': {
      if (!config.discord)
        throw new MnemoError(
          'CONFIG_INVALID',
          'Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID',
        );
      const { registerDiscordCommands } = await import('./adapters/discord/index.ts');
      const registered = await registerDiscordCommands(config.discord);
      print(
        io.stdout,
        `Registered ${registered.commands.length} ${registered.scope} commands: ${registered.commands.join(', ')}`,
      );
      return 0;
    }
    case 'start':
    case 'quiz': {
      const deckId = typeof flags.deck === 'string' ? flags.deck : null;
      return withDatabase(
        config,
        async (connection) => {
          const synced = await sync(connection);
          if (synced !== 0) return synced;
          await refreshPlannerStatistics(connection);
          // Only the languages the decks use are loaded; one a reloaded deck brings loads on its first answer.
          await loadDeckLanguages(connection.db);
          onMissingLanguage((lang) => {
            loadLanguage(lang).catch((error: unknown) =>
              log.error({ err: error, lang }, 'loading a language failed'),
            );
          });
          const watcher = config.cardsWatch
            ? watchCardsFolder({ db: connection.db, cardsDir: config.cardsDir, log })
            : null;
          try {
            if (mode.bot) return await runBot(config, connection, log);
            if (command === 'start')
              print(io.stderr, 'No Discord or Slack credentials are set: starting the console quiz.');
            return await consoleQuiz(config, connection, io, deckId, log);
          } finally {
            await watcher?.stop();
          }
        },
        mode.consoleQuizMode ? io : undefined,
      );
    }
  }
}

/** Daily, at a quiet hour: people with 200 new reviews since their last fit are refitted (one replica does it). */
const OPTIMIZER_CRON = '17 3 * * *';
/** Daily, before the refit: the embedded database's planner statistics (PostgreSQL's autovacuum does its own). */
const PLANNER_STATISTICS_CRON = '7 3 * * *';
/**
 * Files previewed for import and never confirmed are dropped at start and this often (they wait 30 minutes):
 * a preview nobody follows would otherwise keep its file (up to 25 MB) until the next preview.
 */
const PENDING_IMPORTS_SWEEP_CRON = '*/10 * * * *';
const SHUTDOWN_GRACE = 7_000; // ms: in-flight work gets this long after SIGTERM, so the exit comes within 10 s

/** The chat bot: platform adapters, one HTTP server on PORT, and the delivery tick, until SIGTERM or SIGINT. */
async function runBot(config: Config, connection: Connection, log: Logger): Promise<number> {
  const { adapters, deliveries, metrics, routes, pendingImports } = await buildBot({
    config,
    connection,
    clock: systemClock,
    newId: randomUUID,
    log,
  });
  const http = await startHttpServer({
    port: config.port,
    routes,
    onError: (error, request) => log.error({ err: error, path: request.url }, 'HTTP handler failed'),
  });
  const sweepPendingImports = () =>
    pendingImports
      .sweep(systemClock.now())
      .then((dropped) => dropped > 0 && log.info({ dropped }, 'expired import previews dropped'))
      .catch((error: unknown) => log.warn({ err: error }, 'dropping expired import previews failed'));
  await sweepPendingImports();
  const sweeping = cron.schedule(PENDING_IMPORTS_SWEEP_CRON, sweepPendingImports, {
    noOverlap: true,
    name: 'pending-imports-sweep',
  });
  for (const adapter of adapters) await adapter.start();
  collectStartGarbage();
  log.info({ port: http.port, platforms: adapters.map((adapter) => adapter.name) }, 'Mnemo is running');

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
  // PGlite has no autovacuum: its planner statistics are refreshed daily (and at start, after the sync).
  const analyzing = cron.schedule(
    PLANNER_STATISTICS_CRON,
    () =>
      refreshPlannerStatistics(connection).catch((error: unknown) =>
        log.error({ err: error }, 'refreshing the planner statistics failed; tomorrow retries'),
      ),
    { noOverlap: true, name: 'analyze', timezone: 'UTC' },
  );
  const optimizer = memoryModelOptimizer(connection.db, systemClock);
  const optimizing = cron.schedule(
    OPTIMIZER_CRON,
    () =>
      optimizer
        .daily()
        .then((fits) => fits && log.info({ people: fits.length }, 'FSRS parameters refitted'))
        .catch((error: unknown) => log.error({ err: error }, 'FSRS refit failed; tomorrow retries')),
    { noOverlap: true, name: 'fsrs-optimize', timezone: 'UTC' },
  );

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'shutting down');
  await tick.stop();
  await optimizing.stop();
  await analyzing.stop();
  await sweeping.stop();
  deliveries.stop();
  await Promise.race([ticking, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE).unref())]);
  await http.close();
  for (const adapter of adapters)
    await adapter.stop().catch((error: unknown) => log.warn({ err: error }, 'adapter stop failed'));
  // A platform request still hanging past the grace period must not hold the process open.
  setTimeout(() => process.exit(0), 1_000).unref();
  return 0;
}

/** Opens (and migrates) the database for one command; `progress` hears about a first start's slow part. */
async function withDatabase(
  config: Config,
  run: (connection: Connection) => Promise<number>,
  progress?: CommandIo,
): Promise<number> {
  if (progress && !config.databaseUrl && !existsSync(join(config.dataDir, 'pglite')))
    print(
      progress.stderr,
      `Creating the database in ${config.dataDir} (first start only: it takes a few seconds)…`,
    );
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

/** `mnemo migrate`: the migrations it applied, by name, or that there were none to apply. */
function migrateCommand(connection: Connection, io: CommandIo): number {
  print(
    io.stdout,
    connection.migrated.length === 0
      ? 'The database is up to date: no migrations to apply.'
      : `Applied ${connection.migrated.length} migration${connection.migrated.length === 1 ? '' : 's'}: ${connection.migrated.join(', ')}`,
  );
  return 0;
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

async function consoleQuiz(
  config: Config,
  connection: Connection,
  io: CommandIo,
  deckId: string | null,
  log: Logger,
): Promise<number> {
  if (deckId !== null) {
    const decks = await new PgCommunityStore(connection.db).listDecks(CONSOLE_PLACE.tenantId);
    if (!decks.some((deck) => deck.id === deckId)) {
      print(
        io.stderr,
        `mnemo quiz: there is no deck "${deckId}". The decks: ${decks.map((deck) => deck.id).join(', ') || '(none loaded)'}.`,
      );
      return 1;
    }
  }
  const { quiz, community } = await buildBot({
    config: { ...config, discord: null, slack: null },
    connection,
    clock: systemClock,
    newId: randomUUID,
    log,
  });
  const stop = () => io.stdin.destroy();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runConsole({
      quiz,
      community,
      input: io.stdin,
      output: io.stdout,
      place: CONSOLE_PLACE,
      person: { platform: 'console', externalId: userInfo().username },
      deckId,
      echo: !isTerminal(io.stdin),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}

function isTerminal(stream: Readable | Writable): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
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
