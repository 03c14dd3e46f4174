import type { Clock } from '../core/clock.ts';
import { FIT_RULES } from '../core/memory-model/fit.ts';
import {
  MemoryModelOptimizer,
  type PersonFitOutcome,
  type PersonFitReport,
} from '../core/memory-model/optimizer.ts';
import type { ModelledPerson } from '../core/memory-model/ports.ts';
import { readPersonId } from '../core/people.ts';
import type { Database } from '../db/client.ts';
import { PgMemoryModelStore } from '../db/memory-model-store.ts';
import { fsrsBindingFitter } from '../memory-model/fsrs-binding.ts';
import { type CommandIo, print } from './io.ts';

/** The optimizer over the database and fsrs-rs. */
export function memoryModelOptimizer(db: Database, clock: Clock): MemoryModelOptimizer {
  return new MemoryModelOptimizer({ store: new PgMemoryModelStore(db), fitter: fsrsBindingFitter, clock });
}

/** `mnemo fsrs optimize [--person ID] [--json]`. */
export async function optimizeCommand(
  db: Database,
  clock: Clock,
  flags: { person?: string | undefined; json: boolean },
  io: CommandIo,
): Promise<number> {
  const store = new PgMemoryModelStore(db);
  let people: ModelledPerson[];
  if (flags.person !== undefined) {
    const read = readPersonId(flags.person);
    if (!read.ok) {
      print(
        io.stderr,
        `mnemo fsrs optimize: --person "${flags.person.slice(0, 80)}" is not a person id: discord:<user id> or slack:<team>:<user>.`,
      );
      return 2;
    }
    const person = await store.findPerson(read.person.platform, read.person.externalId);
    if (!person) {
      print(io.stderr, `mnemo fsrs optimize: there is no person ${flags.person}. Nothing was changed.`);
      return 1;
    }
    people = [person];
  } else {
    people = await store.peopleToFit(1);
  }
  const outcomes = await memoryModelOptimizer(db, clock).optimizeAll(people);
  printFits(outcomes, flags.json, io);
  return 0;
}

/** The fits as `--json` or as lines; people with too few reviews are named on stderr. */
export function printFits(outcomes: readonly PersonFitOutcome[], json: boolean, io: CommandIo): void {
  const reports: PersonFitReport[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) reports.push(outcome.report);
    else
      print(
        io.stderr,
        `${outcome.person}: ${outcome.reviews} reviews, too few to fit (it takes ${FIT_RULES.minItems} repeat reviews on different days); left on the weights in use.`,
      );
  }
  if (json) {
    print(io.stdout, JSON.stringify({ people: reports }));
    return;
  }
  if (reports.length === 0) print(io.stdout, 'No one to fit.');
  for (const report of reports) print(io.stdout, fitLine(report));
}

const figure = (value: number) => value.toFixed(4);

function fitLine(report: PersonFitReport): string {
  return (
    `${report.person}: ${report.reviews} reviews; on the newest 20%, log loss ${figure(report.logloss_before)} → ` +
    `${figure(report.logloss_after)}, RMSE(bins) ${figure(report.rmse_before)} → ${figure(report.rmse_after)}: ` +
    (report.adopted ? 'adopted (refitted on every review)' : 'not better; the weights in use stay')
  );
}
