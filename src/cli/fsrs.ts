import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { FIT_RULES } from '../core/memory-model/fit.ts';
import {
  MemoryModelOptimizer,
  type PersonFitOutcome,
  type PersonFitReport,
} from '../core/memory-model/optimizer.ts';
import type { ModelledPerson } from '../core/memory-model/ports.ts';
import { type Person, readPersonId } from '../core/people.ts';
import { Quiz, type RescheduleOutcome } from '../core/quiz/quiz.ts';
import type { Connection, Database } from '../db/client.ts';
import { PgMemoryModelStore, peopleWithReviews } from '../db/memory-model-store.ts';
import { PgQuizStore } from '../db/quiz/pg-quiz-store.ts';
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
    const found = await findPerson(store, 'optimize', flags.person, io);
    if (typeof found === 'number') return found;
    people = [found.modelled];
  } else {
    people = await store.peopleToFit(1);
  }
  const outcomes = await memoryModelOptimizer(db, clock).optimizeAll(people);
  printFits(outcomes, flags.json, io);
  return 0;
}

/** The person `--person` names, or the exit code after saying why there is none. */
async function findPerson(
  store: PgMemoryModelStore,
  command: string,
  text: string,
  io: CommandIo,
): Promise<{ person: Person; modelled: ModelledPerson } | number> {
  const read = readPersonId(text);
  if (!read.ok) {
    print(
      io.stderr,
      `mnemo fsrs ${command}: --person "${text.slice(0, 80)}" is not a person id: discord:<user id> or slack:<team>:<user>.`,
    );
    return 2;
  }
  const modelled = await store.findPerson(read.person.platform, read.person.externalId);
  if (!modelled) {
    print(io.stderr, `mnemo fsrs ${command}: there is no person ${text}. Nothing was changed.`);
    return 1;
  }
  return { person: read.person, modelled };
}

/** What `mnemo fsrs reschedule --json` prints for one person. */
export interface PersonReschedule extends RescheduleOutcome {
  person: string;
}

/**
 * `mnemo fsrs reschedule [--person ID] [--json]`: the replay `/settings reschedule` does (Quiz.reschedule),
 * for one person or for everyone with a review, each in a transaction of their own.
 */
export async function rescheduleCommand(
  connection: Connection,
  clock: Clock,
  flags: { person?: string | undefined; json: boolean },
  io: CommandIo,
): Promise<number> {
  let people: Person[];
  if (flags.person !== undefined) {
    const found = await findPerson(new PgMemoryModelStore(connection.db), 'reschedule', flags.person, io);
    if (typeof found === 'number') return found;
    people = [found.person];
  } else {
    people = await peopleWithReviews(connection.db);
  }
  const quiz = new Quiz({ store: new PgQuizStore(connection), clock, newId: randomUUID });
  const done: PersonReschedule[] = [];
  for (const person of people)
    done.push({ person: `${person.platform}:${person.externalId}`, ...(await quiz.reschedule(person)) });
  if (flags.json) print(io.stdout, JSON.stringify({ people: done }));
  else if (done.length === 0) print(io.stdout, 'No one has reviews to replay.');
  else for (const one of done) print(io.stdout, rescheduleLine(one));
  return 0;
}

function rescheduleLine(one: PersonReschedule): string {
  const kept =
    one.kept === 0 ? '' : `; ${one.kept} kept as they were (their log does not start at their first review)`;
  return (
    `${one.person}: ${one.cards} cards replayed from the review log with ${one.fitted ? 'their own fitted weights' : "FSRS-6's default weights"}, ` +
    `${one.moved} with a new due date${kept}.`
  );
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
