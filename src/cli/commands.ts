import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandSpec {
  /** What follows `mnemo <command>` in the usage line. */
  synopsis: string;
  summary: string;
  /** One line per option for `--help`: the option as typed, and what it does. */
  optionHelp: readonly (readonly [string, string])[];
  /** Sentences under the options in `--help`. */
  notes?: readonly string[];
  options: Options;
  /** Whether the command takes positional arguments (only `cards check` does: paths). */
  positionals: boolean;
}

/** Every command takes these; `npm start -- --version` reaches `start` with it. */
const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies Options;

/** Every command and sub-command Mnemo has: what it accepts and what its `--help` says. */
export const COMMANDS = {
  start: {
    synopsis: '[--allow-retire]',
    summary: 'sync the decks, then run the bot (the console quiz when no chat platform is set up)',
    optionHelp: [
      ['--allow-retire', 'let the deck sync retire more than half of the stored cards (refused otherwise)'],
    ],
    notes: ['With no DISCORD_* or SLACK_* variables set, this is the console quiz on the terminal.'],
    options: { 'allow-retire': { type: 'boolean' } },
    positionals: false,
  },
  quiz: {
    synopsis: '[--deck ID]',
    summary: 'the console quiz, explicitly',
    optionHelp: [['--deck ID', 'only cards of this deck (the deck ids: mnemo cards check --json)']],
    options: { deck: { type: 'string' } },
    positionals: false,
  },
  'cards check': {
    synopsis: '[PATH…] [--json]',
    summary: 'validate deck files or folders (default: CARDS_DIR)',
    optionHelp: [['--json', 'print {"decks":[{"id","title","cards","tags"}]} instead of a count']],
    notes: ['Every problem is printed as path:line: message, and the exit code is then 1.'],
    options: { json: { type: 'boolean' } },
    positionals: true,
  },
  'cards sync': {
    synopsis: '[--allow-retire]',
    summary: 'load the decks into the database',
    optionHelp: [
      ['--allow-retire', 'let the sync retire more than half of the stored cards (refused otherwise)'],
    ],
    options: { 'allow-retire': { type: 'boolean' } },
    positionals: false,
  },
  'cards suggestions': {
    synopsis: '',
    summary: 'answers people disputed ("I was right"), per card: candidates for aliases',
    optionHelp: [],
    options: {},
    positionals: false,
  },
  grade: {
    synopsis: '',
    summary: 'grade JSON lines from stdin: {"expected","accept"?,"answer","ms"?,"question"?,"lang"?}',
    optionHelp: [],
    notes: [
      'One line out per line in: {"verdict","rating"}, or {"error"} for a line that is blank or not valid.',
    ],
    options: {},
    positionals: false,
  },
  stats: {
    synopsis: '--person PERSON [--png FILE] [--json]',
    summary: "one person's progress: the /stats figures, and their picture as PNG",
    optionHelp: [
      ['--person PERSON', 'discord:<user id>, slack:<team id>:<user id> or console:<name>'],
      ['--png FILE', 'also write the progress picture (1000×500 PNG) to FILE'],
      ['--json', 'print every figure as JSON (days, due cards per day, weeks) instead of text'],
    ],
    notes: ["Days are the person's local days, in the time zone of their settings."],
    options: { person: { type: 'string' }, png: { type: 'string' }, json: { type: 'boolean' } },
    positionals: false,
  },
  migrate: {
    synopsis: '',
    summary: 'apply database migrations, say which ran, and exit',
    optionHelp: [],
    options: {},
    positionals: false,
  },
  'discord register': {
    synopsis: '',
    summary: 'register the slash commands (in DISCORD_GUILD_ID, else globally)',
    optionHelp: [],
    options: {},
    positionals: false,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export type Invocation =
  | {
      kind: 'run';
      command: CommandName;
      flags: Record<string, string | boolean | undefined>;
      positionals: string[];
    }
  | { kind: 'help'; text: string }
  | { kind: 'version'; text: string }
  /** Exit 2: the text names what was wrong and shows the usage. */
  | { kind: 'usage-error'; text: string };

const NAMES = Object.keys(COMMANDS) as CommandName[];
const GROUPS = [...new Set(NAMES.filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]))];

/** Reads `mnemo …` arguments against the command table; never throws for what a person typed. */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const [first = 'start', ...rest] = argv;
  if (first === '--help' || first === '-h') return { kind: 'help', text: usage() };
  if (first === 'help') return helpFor(rest);
  if (first === '--version' || first === '-V') return { kind: 'version', text: version() };

  let name: string = first;
  let args = rest;
  if (GROUPS.includes(first)) {
    const [sub, ...subArgs] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h')
      return sub === undefined
        ? { kind: 'usage-error', text: `mnemo: "${first}" needs a sub-command.\n\n${groupUsage(first)}` }
        : { kind: 'help', text: groupUsage(first) };
    name = `${first} ${sub}`;
    args = subArgs;
  }
  if (!isCommand(name)) {
    const group = GROUPS.find((prefix) => name.startsWith(`${prefix} `));
    return {
      kind: 'usage-error',
      text: `mnemo: unknown command "${name}".\n\n${group ? groupUsage(group) : usage()}`,
    };
  }
  const spec: CommandSpec = COMMANDS[name];
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...spec.options, ...COMMON_OPTIONS },
      allowPositionals: spec.positionals,
      strict: true,
    });
    const values: Record<string, string | boolean | undefined> = parsed.values;
    const { positionals } = parsed;
    if (values.help) return { kind: 'help', text: commandUsage(name) };
    if (values.version) return { kind: 'version', text: version() };
    delete values.version;
    for (const [flag, value] of Object.entries(values))
      if (value === '') return usageError(name, `--${flag} needs a value`);
    return { kind: 'run', command: name, flags: values, positionals };
  } catch (error) {
    return usageError(name, argumentProblem(error));
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** parseArgs' own messages suggest `--` tricks and name no command: say what was wrong, in a few words. */
function argumentProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${quoted}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return message.includes('argument missing') || message.includes('ambiguous')
      ? `${quoted.replace(/ <value>$/, '').split(/[ ,]/)[0]} needs a value`
      : `${quoted} takes no value`;
  return message;
}

function usageError(name: CommandName, problem: string): Invocation {
  return { kind: 'usage-error', text: `mnemo ${name}: ${problem}.\n\n${commandUsage(name)}` };
}

function helpFor(words: readonly string[]): Invocation {
  const name = words.join(' ');
  if (name === '') return { kind: 'help', text: usage() };
  if (isCommand(name)) return { kind: 'help', text: commandUsage(name) };
  if (GROUPS.includes(name)) return { kind: 'help', text: groupUsage(name) };
  return { kind: 'usage-error', text: `mnemo: unknown command "${name}".\n\n${usage()}` };
}

function line(name: CommandName): string {
  const spec = COMMANDS[name];
  const head = `${name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`;
  return head.length <= 26
    ? `  ${head.padEnd(26)}${spec.summary}`
    : `  ${head}\n  ${''.padEnd(26)}${spec.summary}`;
}

/** The overview: every command on a line or two. */
export function usage(): string {
  return [
    'Usage: mnemo <command> [options]',
    '',
    ...NAMES.map(line),
    '',
    '`mnemo <command> --help` for one command; `mnemo --version` for the version.',
  ].join('\n');
}

function groupUsage(group: string): string {
  return [
    `Usage: mnemo ${group} <sub-command> [options]`,
    '',
    ...NAMES.filter((name) => name.startsWith(`${group} `)).map(line),
  ].join('\n');
}

export function commandUsage(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const options = [...spec.optionHelp, ['-h, --help', 'this help'] as const];
  const width = Math.max(...options.map(([option]) => option.length));
  return [
    `Usage: mnemo ${name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`,
    '',
    `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    ...options.map(([option, what]) => `  ${option.padEnd(width)}   ${what}`),
    ...(spec.notes ? ['', ...spec.notes] : []),
  ].join('\n');
}

/** package.json sits two folders up from both src/cli and dist/cli. */
function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (manifest as { version: string }).version;
}
