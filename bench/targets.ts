import type { Result } from './report.ts';

interface Target {
  what: string;
  /** True when met; undefined when the run did not measure it. */
  met: (value: (name: string) => Result | undefined) => boolean | undefined;
  /**
   * When the run measured a smaller size than the target's (--quick), what it measured: the line then says
   * so instead of met or missed.
   */
  smaller?: (value: (name: string) => Result | undefined) => string | null;
}

const ratioAtLeast = (name: string, floor: number) => (value: (name: string) => Result | undefined) => {
  const ratio = value(name)?.ratio;
  return ratio === undefined ? undefined : ratio >= floor;
};
const below = (name: string, limit: number) => (value: (name: string) => Result | undefined) => {
  const found = value(name);
  return found === undefined ? undefined : found.value < limit;
};
const all =
  (...checks: Target['met'][]): Target['met'] =>
  (value) => {
    const seen = checks.map((check) => check(value));
    return seen.includes(undefined) ? undefined : seen.every(Boolean);
  };

const HTTP_VARIANTS = ['http_discord', 'http_discord_compiled', 'http_slack'] as const;

/** The open loop kept up (its achieved rate within 5 % of the floor's), with p99 < 100 ms and no error. */
const heldOpenLoop = (name: string) =>
  all(
    ratioAtLeast(`${name}_open_achieved`, 0.95),
    below(`${name}_open_p99`, 100),
    below(`${name}_open_errors`, 1),
  );

/** The targets on PostgreSQL. They are read, not asserted: the run never fails on them. */
const TARGETS: readonly Target[] = [
  {
    what: 'HTTP interactions at --rate (500/s) for 60 s: p99 < 100 ms and 0 errors (Discord under tsx and compiled, Slack)',
    met: all(...HTTP_VARIANTS.map(heldOpenLoop)),
  },
  {
    what: 'HTTP interactions, closed loop at concurrency 32: ≥ 0.5× the floor (Discord under tsx and compiled, Slack)',
    met: all(...HTTP_VARIANTS.map((name) => ratioAtLeast(`${name}_closed_c32_max`, 0.5))),
  },
  {
    what: 'answer path, concurrency 16: ≥ 0.7× the floor and p99 < 25 ms',
    met: all(ratioAtLeast('answer_path_c16_throughput', 0.7), below('answer_path_c16_p99', 25)),
  },
  {
    what: "daily fan-out, one minute's deliveries < 50 ms",
    met: below('daily_fanout_minute_plan_claim', 50),
  },
  {
    what: "daily fan-out, a whole day's planning ≥ 0.5× the floor",
    met: ratioAtLeast('daily_fanout_day_plan', 0.5),
  },
  {
    what: 'pictures: a progress picture (a year, 30 days, 12 weeks) drawn to PNG < 100 ms (p95)',
    met: below('pictures_progress_p95', 100),
  },
  { what: 'deck sync, first sync of 10,000 cards < 2 s', met: below('deck_sync_first_total', 2_000) },
  {
    what: 'deck sync, unchanged re-sync < 0.3 s with 0 rows written',
    met: all(below('deck_sync_unchanged_total', 300), below('deck_sync_unchanged_rows_written', 1)),
  },
  {
    what: 'import: a 10,000-note .apkg with 2,000 pictures, previewed and confirmed as in chat, < 10 s and < 300 MB RSS (its own process); unchanged again: 0 rows written',
    met: all(
      below('import_apkg_first_total', 10_000),
      below('import_apkg_first_peak_rss', 300),
      below('import_apkg_unchanged_rows_written', 1),
    ),
  },
  {
    what: 'import: the unchanged re-import, in the process that made the first, also < 300 MB RSS',
    met: below('import_apkg_unchanged_peak_rss', 300),
  },
  { what: "FSRS optimizer, one person's 10,000 reviews < 2 s", met: below('memory_model_optimize', 2_000) },
  {
    what: 'simulation, 100 learners × 365 days of a 500-card deck < 60 s (study, write and fits, all measured)',
    met: below('memory_model_simulate_total', 60),
    smaller(value) {
      const size = ['learners', 'days', 'cards'].map((part) => value(`memory_model_simulate_${part}`)?.value);
      const total = value('memory_model_simulate_total')?.value;
      if (total === undefined || (size[0] === 100 && size[1] === 365 && size[2] === 500)) return null;
      return `${size[0]} learners × ${size[1]} days × ${size[2]} cards took ${total} s`;
    },
  },
  { what: 'grading, typical answer < 50 µs', met: below('grade_typical_mean', 50) },
  {
    what: 'maths: a formula renders to PNG < 50 ms (p99, warm), and < 1 ms from the cache',
    met: all(below('math_render_p99', 50), below('math_cached_p50', 1)),
  },
  {
    what: 'maths: a formula another replica rendered is read from the media table < 5 ms (p50), rendering none',
    met: all(below('math_table_cached_p50', 5), below('math_table_renders_after_first', 1)),
  },
  { what: 'grading, typical answer p50 < 100 µs after warm-up', met: below('grade_typical_p50', 100) },
  { what: 'grading, many-domain answer p50 < 100 µs after warm-up', met: below('grade_domains_p50', 100) },
  { what: 'English dictionary and synonyms load < 1 s', met: below('languages_en_first_load', 1_000) },
  { what: 'English loaded adds < 60 MB RSS', met: below('languages_en_rss_growth', 60) },
  {
    what: "memory: RSS < 200 MB with 100,000 learners' state stored (answering; the bot compiled)",
    met: all(below('answer_path_rss', 200), below('bot_start_rss_compiled', 200)),
  },
  { what: 'memory: the bot under tsx (npm start) < 180 MB', met: below('bot_start_rss', 180) },
  {
    what: 'memory: the bot on PGlite with the bundled decks: first start < 400 MB, restart < 250 MB',
    met: all(below('bot_start_rss_pglite_first', 400), below('bot_start_rss_pglite', 250)),
  },
];

/** Lines saying which targets this run met. */
export function checkTargets(
  results: readonly Result[],
  database: 'postgres' | 'pglite',
  quick: boolean,
): string[] {
  const value = (name: string) => results.find((r) => r.name === name);
  const heading =
    database === 'postgres'
      ? 'targets (PostgreSQL; measured, not asserted):'
      : 'targets (set for PostgreSQL; shown for reference on PGlite):';
  return [
    quick ? `${heading} (--quick: the sizes are far below those the targets are set for)` : heading,
    ...TARGETS.map((target) => {
      const smaller = target.smaller?.(value);
      if (smaller) return `  smaller  ${target.what}: measured only ${smaller}`;
      const met = target.met(value);
      return `  ${met === undefined ? 'not run' : met ? 'met    ' : 'MISSED '}  ${target.what}`;
    }),
  ];
}
