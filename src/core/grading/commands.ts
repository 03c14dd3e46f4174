import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import { typoAllowance } from './typos.ts';

/**
 * Shell commands compared as a command line is read: `tar -xzf` = `tar -zxf` = `tar -x -z -f`,
 * `grep --recursive` = `grep -r`, and a card's flags may come with more (`git log --oneline --graph`).
 */

interface CommandLine {
  /** The program and its subcommands, before the first flag: `git commit`. */
  readonly path: readonly string[];
  /** Each flag once, short ones unbundled, long ones without dashes or inner hyphens: `x`, `z`, `oneline`. */
  readonly flags: ReadonlySet<string>;
  /** The words after the first flag that are no flags: file names, branch names. */
  readonly operands: readonly string[];
}

// Long forms of the short flags of a few of the commonest tools; a flag not listed is compared as written. A long
// flag with its value (`pretty=oneline`) stands for the flag the tool documents as its shorthand.
const LONG_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  grep: { recursive: 'r', R: 'r', ignorecase: 'i', invertmatch: 'v', linenumber: 'n', count: 'c' },
  tar: { extract: 'x', create: 'c', gzip: 'z', file: 'f', verbose: 'v', list: 't' },
  rm: { recursive: 'r', R: 'r', force: 'f' },
  cp: { recursive: 'r', R: 'r' },
  ls: { all: 'a', human: 'h', humanreadable: 'h', recursive: 'R' },
  df: { humanreadable: 'h', si: 'H', inodes: 'i', printtype: 'T' },
  du: { humanreadable: 'h', summarize: 's' },
  git: { message: 'm', all: 'a', force: 'f', verbose: 'v', 'pretty=oneline': 'oneline' },
  docker: { detach: 'd', interactive: 'i', tty: 't', publish: 'p', volume: 'v' },
};

// A long flag this short is too short to carry a typo: "--all" one letter off is another flag.
const SHORTEST_SLIPPED_FLAG = 5; // letters

// A flag, short or long, somewhere in the text: only then is it read as a command line.
const HAS_FLAG = /(?:^|\s)(?:-|—)[a-z-]/i;

function words(text: string): string[] {
  return text.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
}

function longFlag(token: string): string {
  const [name = '', value] = token.slice(2).toLowerCase().split('=', 2);
  const bare = name.replace(/-/g, '');
  return value === undefined ? bare : `${bare}=${value}`;
}

/**
 * Reads a command line with at least one flag; undefined for anything else. Flags alone (`-r`, `--all`) read as
 * the command `program` runs, the one the question names ("Flag of rm that…").
 */
function readCommand(text: string, program: string | undefined): CommandLine | undefined {
  const path: string[] = [];
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const token of words(text)) {
    if (/^(?:--|—)[a-z]/i.test(token)) flags.add(longFlag(token.replace(/^—/, '--')));
    else if (/^-[a-z]+$/i.test(token)) for (const letter of token.slice(1)) flags.add(letter);
    else if (flags.size > 0) operands.push(token);
    else if (/^[a-z][\w.-]*$/i.test(token)) path.push(token.toLowerCase());
    else return undefined;
  }
  if (flags.size === 0) return undefined;
  const long = LONG_FLAGS[path[0] ?? program ?? ''] ?? {};
  const read = (flag: string) => long[flag] ?? long[flag.split('=', 1)[0] ?? ''] ?? flag;
  return { path, flags: new Set([...flags].map(read)), operands };
}

/** The program a question about flags names: its first word that is a program this reader knows. */
function programIn(question: string | undefined): string | undefined {
  return question?.split(/[^\w-]+/).find((word) => Object.hasOwn(LONG_FLAGS, word));
}

function isSlip(typed: string, meant: string): boolean {
  const allowance = typoAllowance(meant.length);
  return allowance > 0 && typed !== meant && editDistance(typed, meant, allowance) <= allowance;
}

/** The names a flag goes by: itself and its long forms. */
function namesOf(flag: string, program: string | undefined): string[] {
  const long = LONG_FLAGS[program ?? ''] ?? {};
  return [flag, ...Object.keys(long).filter((name) => long[name] === flag)];
}

/**
 * Judges an answer that runs the card's command: correct with every one of its flags, in any order or form,
 * perhaps with more flags; close when a long flag or an operand carries a slip (`--recursve`, `featur`).
 * Undefined for anything else, left to the other rules: a card without flags, where an added flag changes what
 * the command does (`git rebase --abort`), or another command.
 */
export function compareCommand(
  answer: string,
  expected: string,
  question?: string,
): GraderVerdict | undefined {
  if (!HAS_FLAG.test(expected) || !HAS_FLAG.test(answer)) return undefined;
  const asked = programIn(question);
  const want = readCommand(expected, asked);
  if (!want) return undefined;
  const program = want.path[0] ?? asked;
  const typed = readCommand(answer, program);
  if (!typed) return undefined;
  // Flags alone may come with the program the question names: "ls -a" for "-a".
  const path = want.path.length === 0 && typed.path.join(' ') === program ? [] : typed.path;
  if (path.join(' ') !== want.path.join(' ')) return undefined;
  const unknown = [...typed.flags].filter(
    (flag) => !want.flags.has(flag) && flag.length >= SHORTEST_SLIPPED_FLAG,
  );
  let verdict: GraderVerdict = 'correct';
  for (const flag of want.flags) {
    if (typed.flags.has(flag)) continue;
    const slipped = namesOf(flag, program).some(
      (name) => name.length >= SHORTEST_SLIPPED_FLAG && unknown.some((other) => isSlip(other, name)),
    );
    if (!slipped) return undefined;
    verdict = 'close';
  }
  // An operand one slip away is the card's, mistyped: "git checkout -b featur".
  const slippedOperand = want.operands.some(
    (operand) => !typed.operands.includes(operand) && typed.operands.some((other) => isSlip(other, operand)),
  );
  return slippedOperand ? 'close' : verdict;
}

// A question that asks for a command, a function or a statement by name, in the languages decks use; not "the
// function of the liver".
const ASKS_COMMAND =
  /(?<![\p{L}\p{N}])(?:command|subcommand|function|method|statement|keyword|instruction|comando|commande|befehl|kommando|funci[oó]n|fonction|funzione|funç[aã]o|m[eé]thode|m[eé]todo|methode|instrucci[oó]n|sentencia|istruzione)s?(?![\p{L}\p{N}])(?!\s+(?:of|de|des|du|der|di|do|da)\s)/iu;

// A command's name and subcommands: `git rebase`, `ls`, `DELETE`, `print`.
const COMMAND_NAME = /^[a-z][\w.-]*(?: [a-z][\w.-]*){0,2}$/i;

/**
 * The command an answer runs, without what it runs on, when the question asks which command it is: `git rebase`
 * for "git rebase main", `ls` for "ls -la /tmp", `print` for "print('hello')". A long flag may change what the
 * command does (`git rebase --abort`), and is not read past. Undefined for anything else.
 */
export function withoutOperands(answer: string, expected: string, question?: string): string | undefined {
  if (!question || !ASKS_COMMAND.test(question) || !COMMAND_NAME.test(expected.trim())) return undefined;
  const called = /^([a-z][\w.]*)\s*\(.*\)$/is.exec(answer.trim());
  if (called?.[1]) return called[1];
  const size = expected.trim().split(/\s+/).length;
  const typed = words(answer);
  const rest = typed.slice(size);
  return rest.length > 0 && readsAsOperands(rest) ? typed.slice(0, size).join(' ') : undefined;
}

/**
 * Short flags, and what they or a path take: `-la /tmp`, `file.txt`, `origin/main`. A bare word straight after
 * the command may be a subcommand of its own (`git stash pop`), and a long flag may change what the command does
 * (`git rebase --abort`): neither is read past.
 */
function readsAsOperands(tokens: readonly string[]): boolean {
  let flagged = false;
  for (const token of tokens) {
    if (/^(?:--|—)/.test(token)) return false;
    if (/^-\p{L}+$/u.test(token)) flagged = true;
    else if (!flagged && /^\p{L}+$/u.test(token)) return false;
  }
  return true;
}
