import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, openDatabase } from '../../src/db/client.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { readDecks } from '../../src/decks/read.ts';
import { APP_ID } from '../../test/discord/support/payloads.ts';
import { buildDist, type Runner } from '../bot-idle.ts';
import { openBenchDatabase } from '../database.ts';
import { BENCH_DECK_PATH, deckText } from '../deck.ts';
import { percentile } from '../load.ts';
import type { Sizes } from '../options.ts';
import { type Result, result } from '../report.ts';
import { seedLearners, seedStates } from '../seed-learners.ts';
import { discordPeople, discordUserId } from './discord.ts';
import { startFakePlatforms } from './fake-platforms.ts';
import { type Crowd, closedLoop, openLoop, type RunStats } from './load.ts';
import { crowdOf, takeProblems } from './people.ts';
import { cpuMs, type Served, startBot, startFloor } from './processes.ts';
import { SLACK_TEAM, slackPeople, slackUserId } from './slack.ts';

export const CLOSED_CONCURRENCY = 32;

export interface HttpOptions {
  /** Open loop: interactions per second. */
  rate: number;
  /** Where the bot's CPU profiles go (node --cpu-prof), or null. */
  profileDir: string | null;
}

/** One platform as the load generator drives it, against whichever server is behind `base`. */
interface Variant {
  name: string;
  runner: Runner;
  crowd: (base: string) => Crowd;
}

/**
 * Signed Discord interactions and Slack commands and clicks from many people, through the bot's real HTTP
 * server in a process of its own (`npm start`, and compiled as the image runs it), each beside the floor:
 * a bare node:http server that verifies the same signatures and answers a fixed message. Open loop at a
 * fixed rate (achieved rate, p50, p99, errors), then closed loop at concurrency 32 (the maximum).
 */
export async function httpInteractionsSuite(
  serverUrl: string | undefined,
  sizes: Sizes,
  quick: boolean,
  options: HttpOptions,
  log: (line: string) => void,
): Promise<Result[]> {
  const keys = generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const signingSecret = randomBytes(16).toString('hex');
  const fake = await startFakePlatforms();
  const cards = await mkdtemp(join(tmpdir(), 'mnemo-bench-http-cards-'));
  const database = await prepareDatabase(serverUrl, cards, sizes, log);
  const floor = await startFloor({
    FLOOR_DISCORD_PUBLIC_KEY: publicKey,
    FLOOR_SLACK_SIGNING_SECRET: signingSecret,
  });
  const botEnv = {
    ...database.env,
    CARDS_DIR: cards,
    DISCORD_MODE: 'http',
    DISCORD_TOKEN: 'bench-token',
    DISCORD_APP_ID: APP_ID,
    DISCORD_PUBLIC_KEY: publicKey,
    DISCORD_API_URL: fake.discordApiUrl,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.slackApiUrl,
  };
  const discord = (base: string) =>
    crowdOf(discordPeople(new URL('/discord/interactions', base), keys.privateKey), sizes.httpPeople);
  const slack = (base: string) =>
    crowdOf(slackPeople(new URL('/slack/events', base), signingSecret, fake), sizes.httpPeople);
  const variants: Variant[] = [
    { name: 'http_discord', runner: 'tsx', crowd: discord },
    { name: 'http_slack', runner: 'tsx', crowd: slack },
    // The compiled bot needs dist/ built (tsc, half a minute): left out of --quick.
    ...(quick ? [] : [{ name: 'http_discord_compiled', runner: 'compiled' as const, crowd: discord }]),
  ];
  const results: Result[] = [];
  try {
    for (const runner of ['tsx', 'compiled'] as const) {
      const mine = variants.filter((variant) => variant.runner === runner);
      if (mine.length === 0) continue;
      if (runner === 'compiled') await buildDist();
      log(
        `http interactions: starting the bot (${runner === 'tsx' ? 'npm start' : 'node dist/main.js start'})`,
      );
      const bot = await startBot(runner, botEnv, options.profileDir);
      try {
        for (const variant of mine)
          results.push(...(await measure(variant, { bot, floor, database }, sizes, options, log)));
      } finally {
        await bot.stop();
      }
      results.push(result(`http_bot_${runner}_error_log_lines`, bot.errorLines(), 'lines'));
    }
  } finally {
    await floor.stop();
    await fake.close();
    await database.close();
    await rm(cards, { recursive: true, force: true });
  }
  return results;
}

interface Servers {
  bot: Served;
  floor: Served;
  database: PreparedDatabase;
}

async function measure(
  variant: Variant,
  { bot, floor, database }: Servers,
  sizes: Sizes,
  options: HttpOptions,
  log: (line: string) => void,
): Promise<Result[]> {
  const mnemo = variant.crowd(bot.base);
  const bare = variant.crowd(floor.base);
  const say = (what: string) => log(`http interactions: ${variant.name}, ${what}`);
  say(`warming up (${sizes.httpWarmSeconds} s each)`);
  await closedLoop(bare, CLOSED_CONCURRENCY, sizes.httpWarmSeconds);
  await closedLoop(mnemo, CLOSED_CONCURRENCY, sizes.httpWarmSeconds);
  say(`open loop at ${options.rate}/s for ${sizes.httpOpenSeconds} s: the floor, then Mnemo`);
  takeProblems(); // the warm-up's
  const floorOpen = await openLoop(bare, options.rate, sizes.httpOpenSeconds);
  say(`the floor's open-loop errors: ${takeProblems()}`);
  const open = await openLoop(mnemo, options.rate, sizes.httpOpenSeconds);
  say(`Mnemo's open-loop errors: ${takeProblems()}`);
  say(
    `closed loop at concurrency ${CLOSED_CONCURRENCY} for ${sizes.httpClosedSeconds} s: the floor, then Mnemo`,
  );
  const floorCost = await costOf([floor.pid], () =>
    closedLoop(bare, CLOSED_CONCURRENCY, sizes.httpClosedSeconds),
  );
  const floorClosed = { ...floorCost.run, cpuMs: floorCost.cpuMs };
  const backends = await database.backendPids();
  const closedDb = await costOf(backends, () =>
    costOf([bot.pid], () => closedLoop(mnemo, CLOSED_CONCURRENCY, sizes.httpClosedSeconds)),
  );
  const closed = { ...closedDb.run.run, cpuMs: closedDb.run.cpuMs };
  say(`closed-loop errors (the floor's and Mnemo's): ${takeProblems()}`);
  const name = variant.name;
  return [
    result(`${name}_open_achieved`, rate(open), 'interactions/s', {
      baseline: rate(floorOpen),
      better: 'higher',
    }),
    result(`${name}_open_p50`, percentile(open.latenciesMs, 50), 'ms', {
      baseline: percentile(floorOpen.latenciesMs, 50),
      better: 'lower',
    }),
    result(`${name}_open_p99`, percentile(open.latenciesMs, 99), 'ms', {
      baseline: percentile(floorOpen.latenciesMs, 99),
      better: 'lower',
    }),
    result(`${name}_open_errors`, open.errors, 'errors', { baseline: floorOpen.errors, better: 'lower' }),
    result(`${name}_closed_c${CLOSED_CONCURRENCY}_max`, rate(closed), 'interactions/s', {
      baseline: rate(floorClosed),
      better: 'higher',
    }),
    result(`${name}_closed_c${CLOSED_CONCURRENCY}_errors`, closed.errors, 'errors', {
      baseline: floorClosed.errors,
      better: 'lower',
    }),
    result(`${name}_cpu_per_interaction`, closed.cpuMs / closed.completed, 'ms', {
      baseline: floorClosed.cpuMs / floorClosed.completed,
      better: 'lower',
    }),
    ...(backends.length === 0
      ? []
      : [result(`${name}_db_cpu_per_interaction`, closedDb.cpuMs / closed.completed, 'ms')]),
  ];
}

/** The run, with the CPU time the processes used during it (closed loop: the bot's cost per interaction). */
async function costOf<T>(pids: readonly number[], run: () => Promise<T>): Promise<{ run: T; cpuMs: number }> {
  const before = await cpuMs(pids);
  const done = await run();
  return { run: done, cpuMs: (await cpuMs(pids)) - before };
}

const rate = (run: RunStats): number => (run.completed * 1_000) / run.elapsedMs;

interface PreparedDatabase {
  /** DATABASE_URL or DATA_DIR for the bot. */
  env: Record<string, string>;
  /** PostgreSQL: the server processes serving the suite's database (the bot's pool). PGlite: none. */
  backendPids(): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * A database of the suite's own, migrated, with the deck synced and every person's learner row and card
 * states (all due) in place: on PostgreSQL a fresh database, on PGlite a data directory the bot opens.
 */
async function prepareDatabase(
  serverUrl: string | undefined,
  cards: string,
  sizes: Sizes,
  log: (line: string) => void,
): Promise<PreparedDatabase> {
  await writeFile(join(cards, BENCH_DECK_PATH.split('/').pop() ?? 'bench.md'), deckText(sizes.httpDeckCards));
  if (serverUrl) {
    const db = await openBenchDatabase(serverUrl, '_http');
    await seed(db.connection, cards, sizes, log);
    return {
      env: { DATABASE_URL: db.url ?? '' },
      backendPids: async () => {
        const rows = await db.raw.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
        return rows.map((row) => row.pid);
      },
      close: () => db.close(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'mnemo-bench-http-data-'));
  const connection = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await seed(connection, cards, sizes, log);
  } finally {
    await connection.close();
  }
  return {
    env: { DATA_DIR: dataDir },
    backendPids: async () => [],
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

const DISCORD_NAMING = { platform: 'discord', prefix: discordUserId(0).slice(0, -6) };
const DISCORD_FIRST = Number(discordUserId(0).slice(-6));

async function seed(connection: Connection, cards: string, sizes: Sizes, log: (line: string) => void) {
  const set = await readDecks([cards]);
  await syncDecks(connection.db, set.decks, set.issues);
  const cardIds = set.decks.flatMap((deck) => deck.cards.map((card) => card.id));
  const people = sizes.httpPeople;
  log(
    `http interactions: seeding ${people} Discord and ${people} Slack learners × ${cardIds.length} due cards`,
  );
  const now = new Date();
  const discordLast = DISCORD_FIRST + people - 1;
  const slackNaming = { platform: 'slack', prefix: `${SLACK_TEAM}:${slackUserId(0).slice(0, -1)}` };
  await seedLearners(connection.raw, DISCORD_FIRST, discordLast, DISCORD_NAMING);
  await seedStates(connection.raw, {
    first: DISCORD_FIRST,
    last: discordLast,
    cardIds,
    now,
    naming: DISCORD_NAMING,
  });
  await seedLearners(connection.raw, 0, people - 1, slackNaming);
  await seedStates(connection.raw, { first: 0, last: people - 1, cardIds, now, naming: slackNaming });
}
