/** What `npm run bench -- …` asked for. */
export interface BenchOptions {
  json: boolean;
  /** The table as Markdown, for the README. */
  markdown: boolean;
  quick: boolean;
  /** Only these suites; null runs every one. */
  only: ReadonlySet<SuiteName> | null;
}

export const SUITES = ['grade', 'deck_sync', 'daily_fanout', 'answer_path'] as const;
export type SuiteName = (typeof SUITES)[number];

/** The sizes the issue names; `--quick` takes a tenth of each. */
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
} as const;

export type Sizes = { [K in keyof typeof FULL_SIZES]: number };

export const CONCURRENCY = [1, 16] as const;

export function sizesFor(quick: boolean): Sizes {
  if (!quick) return { ...FULL_SIZES };
  return {
    ...FULL_SIZES,
    answerUsers: FULL_SIZES.answerUsers / 10,
    answers: FULL_SIZES.answers / 10,
    memoryUsers: FULL_SIZES.memoryUsers / 10,
    memoryAnswers: FULL_SIZES.memoryAnswers / 10,
    subscriptions: FULL_SIZES.subscriptions / 10,
    fanoutMinutes: 3,
    deckCards: FULL_SIZES.deckCards / 10,
    syncRepeats: 2,
    gradeRounds: 2,
    longAnswerRuns: FULL_SIZES.longAnswerRuns / 10,
  };
}

export const USAGE = `usage: npm run bench -- [--json | --markdown] [--quick] [--only=${SUITES.join(',')}]
  --json      print one JSON object on stdout instead of the table
  --markdown  print the table as Markdown, for the README
  --quick     a tenth of the sizes (what CI runs)
  --only      run only the named suites
PostgreSQL when DATABASE_URL is set (a fresh database is created and dropped), PGlite in memory otherwise.`;

export function parseOptions(args: readonly string[]): BenchOptions | { error: string } {
  let json = false;
  let markdown = false;
  let quick = false;
  let only: Set<SuiteName> | null = null;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--markdown') markdown = true;
    else if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) {
      only = new Set();
      for (const name of arg.slice('--only='.length).split(',')) {
        if (!isSuite(name)) return { error: `unknown suite "${name}"` };
        only.add(name);
      }
    } else if (arg !== '--') return { error: `unknown option "${arg}"` };
  }
  return { json, markdown, quick, only };
}

function isSuite(name: string): name is SuiteName {
  return (SUITES as readonly string[]).includes(name);
}
