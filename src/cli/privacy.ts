import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import type { Logger } from 'pino';
import { PERSON_ID_FORMS } from '../core/people.ts';
import { parsePersonId, personIdOf } from '../core/privacy/person-id.ts';
import type { PersonRef } from '../core/privacy/ports.ts';
import type { Privacy } from '../core/privacy/privacy.ts';
import { commandUsage } from './commands.ts';
import { type CommandIo, print } from './io.ts';

type Flags = Record<string, string | boolean | undefined>;
/** Opens the database for the command's work only once what was typed is known to be good. */
type WithPrivacy = (work: (privacy: Privacy) => Promise<number>) => Promise<number>;

/** `mnemo privacy export --person ID [--out FILE]`: the person's data as JSON, on stdout or in FILE. */
export async function privacyExportCommand(
  withPrivacy: WithPrivacy,
  flags: Flags,
  io: CommandIo,
): Promise<number> {
  const person = personFlag('privacy export', flags, io);
  if (!person) return 2;
  return withPrivacy((privacy) => exportTo(privacy, person, flags, io));
}

async function exportTo(privacy: Privacy, person: PersonRef, flags: Flags, io: CommandIo): Promise<number> {
  const exported = await privacy.export(person);
  const json = `${JSON.stringify(exported, null, 2)}\n`;
  const summary = `${exported.reviews.length} reviews, ${exported.cardStates.length} card states, ${exported.prompts.length} prompts, ${exported.reminders.length} reminders`;
  if (typeof flags.out !== 'string') {
    io.stdout.write(json);
    print(io.stderr, `Exported ${exported.person}: ${summary}.`);
    return 0;
  }
  // Only the person running the command may read the file: it holds someone's answers.
  await writeFile(flags.out, json, { mode: 0o600 });
  print(io.stderr, `Exported ${exported.person} to ${flags.out}: ${summary}.`);
  return 0;
}

/**
 * `mnemo privacy delete --person ID [--yes]`: erases the person on that platform in one transaction. Asks
 * first on a terminal; elsewhere (a script, a pipe) only `--yes` lets it go ahead.
 */
export async function privacyDeleteCommand(
  withPrivacy: WithPrivacy,
  flags: Flags,
  io: CommandIo,
  log: Logger,
  onTerminal: boolean,
): Promise<number> {
  const person = personFlag('privacy delete', flags, io);
  if (!person) return 2;
  const named = personIdOf(person);
  if (flags.yes !== true) {
    if (!onTerminal) {
      print(
        io.stderr,
        `mnemo privacy delete: erasing ${named} cannot be undone; add --yes to confirm (there is no terminal to ask on). Nothing was erased.`,
      );
      return 2;
    }
    if (
      !(await confirmed(io, `Erase everything stored about ${named}? This cannot be undone. Type "yes": `))
    ) {
      print(io.stderr, 'Nothing was erased.');
      return 1;
    }
  }
  return withPrivacy((privacy) => erase(privacy, person, io, log));
}

async function erase(privacy: Privacy, person: PersonRef, io: CommandIo, log: Logger): Promise<number> {
  const named = personIdOf(person);
  const { erased, total } = await privacy.erase(person);
  log.info({ platform: person.platform, ...erased, total }, 'privacy: erased a person');
  print(
    io.stderr,
    total === 0
      ? `Nothing is stored about ${named}.`
      : `Erased ${named}: ${erased.reviews} reviews, ${erased.cardStates} card states, ${erased.prompts} prompts, ${erased.reminders} reminders, ${erased.people} settings${erased.dailiesUnattributed > 0 ? `; ${erased.dailiesUnattributed} channel questions of the day no longer name them` : ''}.`,
  );
  return 0;
}

function personFlag(
  command: 'privacy export' | 'privacy delete',
  flags: Flags,
  io: CommandIo,
): PersonRef | null {
  const value = flags.person;
  const parsed =
    typeof value === 'string' ? parsePersonId(value) : { ok: false as const, problem: 'is required' };
  if (parsed.ok) return parsed.person;
  print(
    io.stderr,
    `mnemo ${command}: --person ${parsed.problem} (${PERSON_ID_FORMS}).\n\n${commandUsage(command)}`,
  );
  return null;
}

async function confirmed(io: CommandIo, question: string): Promise<boolean> {
  const prompt = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    return (await prompt.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}
