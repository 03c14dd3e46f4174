import type { Connection } from '../db/client.ts';
import { deckCardCount, dropSimulations, simulationExists } from '../db/simulation-store.ts';
import { fsrsBindingFitter } from '../memory-model/fsrs-binding.ts';
import { type SimulationOptions, type SimulationReport, simulate } from '../simulator/simulate.ts';
import { type CommandIo, print } from './io.ts';

type Flags = Record<string, string | boolean | undefined>;

const LIMITS = {
  learners: { min: 1, max: 1_000 },
  days: { min: 1, max: 3_650 },
  seed: { min: 0, max: 4_294_967_295 },
} as const;

/** `mnemo simulate …` and `mnemo simulate --drop`. */
export async function simulateCommand(connection: Connection, flags: Flags, io: CommandIo): Promise<number> {
  const fail = (problem: string, code = 2) => {
    print(io.stderr, `mnemo simulate: ${problem}`);
    return code;
  };
  if (flags.drop === true) {
    const extra = ['learners', 'days', 'deck', 'seed', 'retention'].find((flag) => flags[flag] !== undefined);
    if (extra) return fail(`--drop takes no --${extra}.`);
    const { people } = await dropSimulations(connection.db);
    print(io.stdout, `Removed ${people} simulated ${people === 1 ? 'person' : 'people'} and their reviews.`);
    return 0;
  }
  const parsed = parseOptions(flags);
  if (typeof parsed === 'string') return fail(parsed);
  const cards = await deckCardCount(connection.db, parsed.deckId);
  if (cards === null) return fail(`there is no deck "${parsed.deckId}". Nothing was done.`, 1);
  if (cards === 0) return fail(`the deck "${parsed.deckId}" has no cards. Nothing was done.`, 1);
  if (await simulationExists(connection.db, parsed.seed))
    return fail(`a simulation with seed ${parsed.seed} is stored: remove it with mnemo simulate --drop.`, 1);
  const report = await simulate(connection, parsed, fsrsBindingFitter);
  if (flags.json === true) print(io.stdout, JSON.stringify(report));
  else printReport(report, io);
  return 0;
}

function parseOptions(flags: Flags): SimulationOptions | string {
  const whole = (name: keyof typeof LIMITS, fallback?: number): number | string => {
    const text = flags[name];
    if (text === undefined) return fallback ?? `--${name} is required.`;
    const value = Number(text);
    const { min, max } = LIMITS[name];
    if (typeof text !== 'string' || !/^\d+$/.test(text) || value < min || value > max)
      return `--${name} must be a whole number from ${min} to ${max}.`;
    return value;
  };
  const learners = whole('learners');
  const days = whole('days');
  const seed = whole('seed', 1);
  for (const value of [learners, days, seed]) if (typeof value === 'string') return value;
  const deckId = flags.deck;
  if (typeof deckId !== 'string') return '--deck is required.';
  if (deckId.length > 64) return '--deck is too long (max 64 characters).';
  const retention = flags.retention === undefined ? 0.9 : Number(flags.retention);
  if (!Number.isFinite(retention) || retention < 0.7 || retention > 0.99)
    return '--retention must be a number from 0.7 to 0.99.';
  return { learners: learners as number, days: days as number, seed: seed as number, deckId, retention };
}

const figure = (value: number) => value.toFixed(4);

function printReport(report: SimulationReport, io: CommandIo): void {
  const perDay = report.reviews_per_day;
  const weeks = Array.from({ length: Math.ceil(perDay.length / 7) }, (_, week) => {
    const days = perDay.slice(week * 7, week * 7 + 7);
    return Math.round(days.reduce((a, b) => a + b, 0) / days.length);
  });
  print(
    io.stdout,
    [
      `Simulated ${report.learners} learners × ${report.days} days of deck ${report.deck} (seed ${report.seed}, desired retention ${report.retention}): ${report.reviews} reviews.`,
      `Reviews per day, all learners, averaged by week: ${weeks.join(', ')}.`,
      `True retention ${report.true_retention.toFixed(3)} (mean true recall probability at reviews of cards seen on an earlier day); ${report.minutes_per_day.toFixed(1)} minutes a day per learner.`,
      ...(report.misgraded > 0
        ? [`${report.misgraded} right answers were graded wrong by the quiz: check the deck's grading.`]
        : []),
      `Fits adopted for ${report.adopted} of ${report.people.length} learners fitted:`,
      ...report.people.map(
        (person) =>
          `  ${person.person}: ${person.reviews} reviews; log loss ${figure(person.logloss_before)} → ${figure(person.logloss_after)}, ` +
          `RMSE(bins) ${figure(person.rmse_before)} → ${figure(person.rmse_after)}${person.adopted ? ', adopted' : ''}; ` +
          `error against the true recall probability ${figure(person.truth_mae_before)} → ${figure(person.truth_mae_after)}`,
      ),
    ].join('\n'),
  );
}
