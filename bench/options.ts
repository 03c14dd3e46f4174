/** What `npm run bench -- …` asked for. */
export interface BenchOptions {
  json: boolean;
  /** The table as Markdown, for the README. */
  markdown: boolean;
  quick: boolean;
  /** Only these suites; null runs every one. */
  only: ReadonlySet<SuiteName> | null;
  /** http_interactions, open loop: interactions per second. */
  rate: number;
  /** http_interactions: where the bot writes its CPU profiles (node --cpu-prof), or null. */
  profileDir: string | null;
  /** http_interactions: the open loop's length, overriding the size's (the closed loop takes a third). */
  seconds: number | null;
}

export const SUITES = [
  'grade',
  'pictures',
  'math',
  'deck_sync',
  'daily_fanout',
  'answer_path',
  'import',
  'memory_model',
  'http_interactions',
] as const;
export type SuiteName = (typeof SUITES)[number];

/** The sizes the issue names. */
export const FULL_SIZES = {
  answerUsers: 2_000,
  cardsPerUser: 50,
  answers: 20_000, // per concurrency level, for Mnemo and for the floor alike
  memoryUsers: 100_000, // users with state in the database when RSS is read
  statesPerMemoryUser: 20, // card states of each user added for the memory reading: one day of new cards
  memoryAnswers: 2_000, // answered after the top-up, before RSS is read
  subscriptions: 100_000,
  fanoutMinutes: 10, // consecutive minutes planned and claimed, one at a time
  deckCards: 10_000,
  syncRepeats: 5,
  gradeRounds: 20, // passes over the labelled answers
  longAnswerRuns: 2_000,
  mathRounds: 20, // passes over the formulas
  httpPeople: 600, // people sending commands and clicks, one at a time each
  httpDeckCards: 200, // cards in the deck, all due for every person
  httpOpenSeconds: 60, // open loop, per variant, for Mnemo and for the floor alike
  httpClosedSeconds: 20, // closed loop, likewise
  httpWarmSeconds: 5, // closed loop before measuring, likewise
  importNotes: 10_000, // notes of the generated deck an import reads
  importImages: 2_000, // pictures among them
  optimizeReviews: 10_000, // one person's reviews fitted
  simulationLearners: 100, // every one simulated: the target's size (bench/targets.ts checks it was this size)
  simulationDays: 365,
  simulationCards: 500,
  pictureRenders: 100, // progress and leaderboard pictures drawn, each
} as const;

export const DEFAULT_RATE = 500; // interactions/s, the open loop's

export type Sizes = { [K in keyof typeof FULL_SIZES]: number };

export const CONCURRENCY = [1, 16] as const;

/**
 * `--quick` (what CI runs) only proves that every suite still runs end to end, within about a minute and a
 * half on two cores: each size is as small as still exercises its path, most a tenth of the full one. The
 * answers (a hundredth: they took 70 % of a tenth-size run), the learners stored for the memory reading and
 * the daily fan-out's subscriptions (a fiftieth) are cut further, and the HTTP loops run a second each.
 */
export const QUICK_SIZES = {
  ...FULL_SIZES,
  answerUsers: FULL_SIZES.answerUsers / 10,
  answers: FULL_SIZES.answers / 100,
  memoryUsers: FULL_SIZES.memoryUsers / 100,
  memoryAnswers: FULL_SIZES.memoryAnswers / 40,
  subscriptions: FULL_SIZES.subscriptions / 50,
  fanoutMinutes: 2,
  deckCards: FULL_SIZES.deckCards / 10,
  syncRepeats: 2,
  gradeRounds: 2,
  longAnswerRuns: FULL_SIZES.longAnswerRuns / 10,
  mathRounds: 2,
  httpPeople: FULL_SIZES.httpPeople / 10,
  httpDeckCards: FULL_SIZES.httpDeckCards / 10,
  httpOpenSeconds: 1,
  httpClosedSeconds: 1,
  httpWarmSeconds: 1,
  importNotes: FULL_SIZES.importNotes / 10,
  importImages: FULL_SIZES.importImages / 10,
  // The simulation goes through the real Quiz: a tenth of the learners over a whole year of the whole deck
  // still took 76 s, so --quick studies two learners a month of a small deck (the target's line says so).
  simulationLearners: 2,
  simulationDays: 30,
  simulationCards: 50,
  pictureRenders: 10,
} as const satisfies Sizes;

export function sizesFor(quick: boolean): Sizes {
  return { ...(quick ? QUICK_SIZES : FULL_SIZES) };
}

export const USAGE = `usage: npm run bench -- [--json | --markdown] [--quick] [--only=${SUITES.join(',')}]
                       [--suite=NAME] [--rate=N] [--seconds=N] [--profile=DIR]
  --json      print one JSON object on stdout instead of the table
  --markdown  print the table as Markdown, for the README
  --quick     small sizes, to check that every suite runs (what CI runs); http_interactions: no compiled bot
  --only      run only the named suites (--suite NAME is the same for one suite)
  --rate      http_interactions, open loop: interactions per second (default ${DEFAULT_RATE})
  --profile   http_interactions: the bot writes a CPU profile (node --cpu-prof) into DIR when it stops
  --seconds   http_interactions: the open loop's length in seconds (default 60); the closed loop's is a third
PostgreSQL when DATABASE_URL is set (a fresh database is created and dropped), PGlite in memory otherwise.`;

export function parseOptions(args: readonly string[]): BenchOptions | { error: string } {
  let json = false;
  let markdown = false;
  let quick = false;
  let only: Set<SuiteName> | null = null;
  let rate: number = DEFAULT_RATE;
  let profileDir: string | null = null;
  let seconds: number | null = null;
  // `--name value` is read as `--name=value`.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const takesValue = ['--only', '--suite', '--rate', '--profile', '--seconds'].includes(arg);
    if (takesValue && args[i + 1] !== undefined) joined.push(`${arg}=${args[++i]}`);
    else joined.push(arg);
  }
  for (const arg of joined) {
    if (arg === '--json') json = true;
    else if (arg === '--markdown') markdown = true;
    else if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=') || arg.startsWith('--suite=')) {
      only ??= new Set();
      for (const name of arg.slice(arg.indexOf('=') + 1).split(',')) {
        if (!isSuite(name)) return { error: `unknown suite "${name}"` };
        only.add(name);
      }
    } else if (arg.startsWith('--rate=')) {
      rate = Number(arg.slice('--rate='.length));
      if (!Number.isFinite(rate) || rate <= 0) return { error: `--rate must be a positive number: "${arg}"` };
    } else if (arg.startsWith('--seconds=')) {
      seconds = Number(arg.slice('--seconds='.length));
      if (!Number.isFinite(seconds) || seconds <= 0)
        return { error: `--seconds must be a positive number: "${arg}"` };
    } else if (arg.startsWith('--profile=')) profileDir = arg.slice('--profile='.length);
    else if (arg !== '--') return { error: `unknown option "${arg}"` };
  }
  return { json, markdown, quick, only, rate, profileDir, seconds };
}

function isSuite(name: string): name is SuiteName {
  return (SUITES as readonly string[]).includes(name);
}
