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
  'cards import': {
    synopsis:
      'FILE [--owner discord:<guild id>|slack:<team id>] [--deck ID] [--map SPEC] [--lang L] [--dry-run] [--json]',
    summary: 'import a deck file: Anki .apkg/.colpkg, CrowdAnki zip, CSV/TSV or a Markdown deck',
    optionHelp: [
      ['--owner TENANT', "the community the deck belongs to (default: everyone's, like a cards/ deck)"],
      ['--deck ID', 'the deck id, for a file that names none (CSV); default: from the file name'],
      [
        '--map SPEC',
        'CSV columns: question=expression,answer=meaning,note=reading,tags=tags,id=guid,accept=split',
      ],
      [
        '--lang L',
        'the language answers are graded in (BCP 47: es, fr, pt-BR); default en (a Markdown deck: its lang:)',
      ],
      ['--dry-run', 'show what would change, and store nothing'],
      ['--json', 'print one JSON object per deck, one line each'],
      ['--allow-retire', "let the import retire more than half of a deck's stored cards (refused otherwise)"],
    ],
    notes: [
      'The format is read from the content, never from the name. Re-importing updates cards in place and',
      'retires cards gone from the file; an unchanged re-import writes nothing.',
      '--json prints, per deck: {"deck":{"id","title"},"notes","cards":{"added","updated","unchanged","retired"},',
      '"kinds":{"typed","choice","self","cloze"},"media":{"stored","missing"},"skipped":[{"item","reason"}]}.',
    ],
    options: {
      owner: { type: 'string' },
      deck: { type: 'string' },
      map: { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'allow-retire': { type: 'boolean' },
    },
    positionals: true,
  },
  'cards export': {
    synopsis: 'DECK --format md|csv|apkg [--out FILE] [--owner discord:<guild id>|slack:<team id>]',
    summary: 'write a stored deck as Markdown, CSV or an Anki package',
    optionHelp: [
      ['--format F', 'md (default; imports back to the same cards and ids), csv, or apkg (Anki)'],
      ['--out FILE', 'where to write it (default: standard output)'],
      ['--owner TENANT', "the community whose deck it is (default: everyone's)"],
    ],
    options: { format: { type: 'string' }, out: { type: 'string' }, owner: { type: 'string' } },
    positionals: true,
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
  'privacy export': {
    synopsis: '--person ID [--out FILE]',
    summary: 'everything stored about one person on one platform, as JSON (stdout unless --out)',
    optionHelp: [
      ['--person ID', 'discord:<user id>, slack:<team id>:<user id> or console:<name>'],
      ['--out FILE', 'write the JSON to FILE (readable by its owner only) instead of stdout'],
    ],
    options: { person: { type: 'string' }, out: { type: 'string' } },
    positionals: false,
  },
  'privacy delete': {
    synopsis: '--person ID [--yes]',
    summary: "erase one person's settings, card states, reviews, prompts and reminders on one platform",
    optionHelp: [
      ['--person ID', 'discord:<user id>, slack:<team id>:<user id> or console:<name>'],
      ['--yes', 'do not ask first (required when not on a terminal)'],
    ],
    notes: ['All of it goes in one transaction; leaderboards and channel counts no longer show them.'],
    options: { person: { type: 'string' }, yes: { type: 'boolean' } },
    positionals: false,
  },
  'fsrs optimize': {
    synopsis: '[--person discord:<user id>|slack:<team>:<user>] [--json]',
    summary: "fit people's FSRS parameters to their own reviews; adopt a fit only when it predicts better",
    optionHelp: [
      ['--person ID', 'only this person (default: everyone with reviews since their last fit)'],
      [
        '--json',
        'print {"people":[{"person","reviews","logloss_before","logloss_after","rmse_before","rmse_after","adopted"}]}',
      ],
    ],
    notes: [
      "Fitted on the first 80% of a person's reviews by time and scored on the last 20% against the weights in use.",
      'People with too few reviews to fit are named on stderr and left out.',
    ],
    options: { person: { type: 'string' }, json: { type: 'boolean' } },
    positionals: false,
  },
  'fsrs reschedule': {
    synopsis: '[--person discord:<user id>|slack:<team>:<user>] [--json]',
    summary:
      "replay people's review logs with their desired retention and weights now (as /settings reschedule)",
    optionHelp: [
      ['--person ID', 'only this person (default: everyone with a review)'],
      ['--json', 'print {"people":[{"person","cards","moved","kept","fitted"}]}'],
    ],
    notes: [
      "Each card's memory state and due date are recomputed from its reviews that stand (a disputed one replaced",
      'by its Good); cards whose log does not start at their first review are kept. A second run moves nothing.',
    ],
    options: { person: { type: 'string' }, json: { type: 'boolean' } },
    positionals: false,
  },
  simulate: {
    synopsis: '--learners N --days D --deck ID [--seed S] [--retention R] [--json] | --drop',
    summary: 'simulated people study a deck through the real quiz, then their FSRS parameters are fitted',
    optionHelp: [
      ['--learners N', 'simulated people (1 to 1000)'],
      ['--days D', 'days each studies (1 to 3650)'],
      ['--deck ID', 'the deck they study (the deck ids: mnemo cards check --json)'],
      ['--seed S', 'the seed of their memories and answers (default 1): the same seed, the same run'],
      ['--retention R', 'the desired retention they set (0.7 to 0.99, default 0.9)'],
      ['--json', 'print the report as JSON'],
      ['--drop', 'remove every simulation stored (people sim:<seed>:<n>, tenants sim:<seed>)'],
    ],
    notes: [
      "Each person's true memory follows FSRS-6 with weights drawn around the defaults; an answer is right with",
      'the probability it gives. Written to the configured database under the tenant sim:<seed>.',
    ],
    options: {
      learners: { type: 'string' },
      days: { type: 'string' },
      deck: { type: 'string' },
      seed: { type: 'string' },
      retention: { type: 'string' },
      json: { type: 'boolean' },
      drop: { type: 'boolean' },
    },
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
  const options = { ...spec.options, ...COMMON_OPTIONS };
  // Not strict: parseArgs' own errors are text to pick apart; its tokens say what was typed.
  const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const problem = argumentProblem(parsed.tokens, options, spec.positionals);
  if (problem) return usageError(name, problem);
  const values: Record<string, string | boolean | undefined> = parsed.values;
  if (values.help) return { kind: 'help', text: commandUsage(name) };
  if (values.version) return { kind: 'version', text: version() };
  delete values.version;
  for (const [flag, value] of Object.entries(values))
    if (value === '') return usageError(name, `--${flag} needs a value`);
  return { kind: 'run', command: name, flags: values, positionals: parsed.positionals };
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

type ArgumentToken = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** What was wrong with the arguments, in a few words (parseArgs' own messages suggest `--` tricks), or null. */
function argumentProblem(
  tokens: readonly ArgumentToken[],
  options: Readonly<Record<string, { type: 'string' | 'boolean' }>>,
  allowPositionals: boolean,
): string | null {
  for (const token of tokens) {
    if (token.kind === 'positional' && !allowPositionals) return `unexpected argument "${token.value}"`;
    if (token.kind !== 'option') continue;
    const type = Object.hasOwn(options, token.name) ? options[token.name]?.type : undefined;
    if (type === undefined) return `unknown option ${token.rawName}`;
    if (type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value`;
    // A value taken from the next argument that looks like an option is that option, not a value.
    if (
      type === 'string' &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
    )
      return `${token.rawName} needs a value`;
  }
  return null;
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
