/**
 * Shell commands compared as a command line is read: `tar -xzf` = `tar -zxf` = `tar -x -z -f`,
 * `grep --recursive` = `grep -r`, and a card's flags may come with more (`git log --oneline --graph`).
 */

interface CommandLine {
  /** The program and its subcommands, before the first flag: `git commit`. */
  readonly path: readonly string[];
  /** Each flag once, short ones unbundled, long ones without dashes or inner hyphens: `x`, `z`, `oneline`. */
  readonly flags: ReadonlySet<string>;
}

// Long forms of the short flags of a few of the commonest tools; a flag not listed is compared as written.
const LONG_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  grep: { recursive: 'r', R: 'r', ignorecase: 'i', invertmatch: 'v', linenumber: 'n', count: 'c' },
  tar: { extract: 'x', create: 'c', gzip: 'z', file: 'f', verbose: 'v', list: 't' },
  rm: { recursive: 'r', R: 'r', force: 'f' },
  cp: { recursive: 'r', R: 'r' },
  ls: { all: 'a', human: 'h', recursive: 'R' },
  git: { message: 'm', all: 'a', force: 'f', verbose: 'v' },
  docker: { detach: 'd', interactive: 'i', tty: 't', publish: 'p', volume: 'v' },
};

function words(text: string): string[] {
  return text.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
}

/** Reads a command line with at least one flag; undefined for anything else. */
function readCommand(text: string): CommandLine | undefined {
  const tokens = words(text);
  const path: string[] = [];
  const flags = new Set<string>();
  for (const token of tokens) {
    if (/^--[a-z]/i.test(token)) {
      flags.add(token.slice(2).split('=', 1)[0]?.toLowerCase().replace(/-/g, '') ?? '');
    } else if (/^-[a-z]+$/i.test(token)) {
      for (const letter of token.slice(1)) flags.add(letter);
    } else if (flags.size === 0) {
      if (!/^[a-z][\w.-]*$/i.test(token)) return undefined;
      path.push(token.toLowerCase());
    }
  }
  if (path.length === 0 || flags.size === 0) return undefined;
  const long = LONG_FLAGS[path[0] ?? ''] ?? {};
  return { path, flags: new Set([...flags].map((flag) => long[flag] ?? flag)) };
}

/**
 * True when the answer runs the card's command with every one of its flags, in any order or form,
 * perhaps with more flags or arguments. A card without flags is left to the other rules: there an added
 * flag changes what the command does (`git rebase --abort`).
 */
export function isSameCommand(answer: string, expected: string): boolean {
  const want = readCommand(expected);
  if (!want) return false;
  const typed = readCommand(answer);
  if (!typed || typed.path.join(' ') !== want.path.join(' ')) return false;
  return [...want.flags].every((flag) => typed.flags.has(flag));
}
