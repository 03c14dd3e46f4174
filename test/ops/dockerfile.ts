/** A Dockerfile read the way the builder reads it: stages of instructions, continuations joined, comments gone. */

export interface Instruction {
  /** Upper-case: FROM, RUN, COPY… */
  keyword: string;
  /** Everything after the keyword, on one line. */
  args: string;
  /** 1-based line where the instruction starts, for messages. */
  line: number;
}

export interface Stage {
  /** The image after FROM, e.g. `node:24-trixie-slim`. */
  base: string;
  /** The name after AS, if any. */
  name: string | null;
  instructions: Instruction[];
}

export function parseDockerfile(source: string): Stage[] {
  const stages: Stage[] = [];
  /** The instruction being read, over continued lines; empty between instructions. */
  let text = '';
  let start = 0;
  for (const [index, raw] of source.split('\n').entries()) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    // The builder drops comment lines even inside a continued instruction.
    if (trimmed.startsWith('#') || (trimmed === '' && text === '')) continue;
    const continued = line.endsWith('\\');
    const part = (continued ? line.slice(0, -1) : line).trim();
    if (text === '') start = index + 1;
    text = text === '' ? part : `${text} ${part}`;
    if (continued) continue;
    const match = /^(\w+)\s*(.*)$/.exec(text);
    if (!match) throw new Error(`Dockerfile:${start}: cannot read "${text}"`);
    const instruction = { keyword: (match[1] ?? '').toUpperCase(), args: match[2] ?? '', line: start };
    text = '';
    if (instruction.keyword === 'FROM') {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from?.[1]) throw new Error(`Dockerfile:${instruction.line}: cannot read FROM ${instruction.args}`);
      stages.push({ base: from[1], name: from[2] ?? null, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile:${instruction.line}: ${instruction.keyword} before any FROM`);
    stage.instructions.push(instruction);
  }
  return stages;
}

/** `--from=build --chown=1:1 a b ./` → flags {from: 'build', chown: '1:1'} and the rest. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args.trim();
  for (
    let flag = /^--([\w-]+)(?:=(\S*))?\s+/.exec(rest);
    flag;
    flag = /^--([\w-]+)(?:=(\S*))?\s+/.exec(rest)
  ) {
    flags[flag[1] ?? ''] = flag[2] ?? 'true';
    rest = rest.slice(flag[0].length);
  }
  return { flags, rest };
}

/** The exec form `["node", "x"]` as its words, or null for the shell form. */
export function execForm(text: string): string[] | null {
  if (!text.trim().startsWith('[')) return null;
  const words: unknown = JSON.parse(text);
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string'))
    throw new Error(`not a JSON array of strings: ${text}`);
  return words;
}

/** COPY's sources and destination, in either form. */
export function copyPaths(rest: string): { sources: string[]; destination: string } {
  const words = execForm(rest) ?? rest.split(/\s+/).filter(Boolean);
  const destination = words.at(-1);
  if (words.length < 2 || destination === undefined) throw new Error(`COPY needs a source and a destination`);
  return { sources: words.slice(0, -1), destination };
}

/** `ENV A=1 B="two words"` as pairs (the legacy `ENV A 1` form is not used here). */
export function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g))
    pairs[match[1] ?? ''] = match[3] ?? match[2] ?? '';
  return pairs;
}

/** The CMD of a HEALTHCHECK, after its options. */
export function healthcheckCommand(args: string): { options: Record<string, string>; command: string } {
  const { flags, rest } = splitFlags(args);
  const command = /^CMD\s+(.*)$/i.exec(rest);
  if (!command?.[1]) throw new Error(`HEALTHCHECK without CMD: ${args}`);
  return { options: flags, command: command[1] };
}

export function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

/**
 * A `.dockerignore` as a predicate over context-relative paths: the last matching pattern wins, `!` re-includes,
 * `**` spans folders, and a pattern that matches a folder leaves out everything inside it.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = (include ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const source = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) => {
          if (part === '**/') return '(?:.*/)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          if (part === '?') return '[^/]';
          return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { include, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.include;
    return ignored;
  };
}
