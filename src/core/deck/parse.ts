import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Card, CardKind, Deck, DeckIssue } from './card.ts';
import { codePoint, firstControlCharacter } from './characters.ts';
import { expandCloze } from './cloze.ts';
import { DEFAULT_LANG, readLanguageTag } from './language-tag.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG = /^[a-z0-9][a-z0-9_-]*$/;
const FIELD = /^(q|a|c|accept|reveal|reverse|tags|note|lang):(?:\s+(.*))?$/i;
const OPTION = /^\s*[-*]\s+\[( |x|X)\]\s*(.*)$/;
const HEADING = /^##\s+(.*?)\s*#*\s*$/;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;
/** Card ids travel inside chat buttons' ids (Discord allows 100 characters in all). */
const MAX_ID_LENGTH = 50;
/** Longer text does not fit a chat message; a question must also leave room for the options around it. */
const MAX_QUESTION_LENGTH = 4_000;
const MAX_FIELD_LENGTH = 10_000;
/** A reverse card asks the answer: only a short question makes a fair answer to type. */
const MAX_REVERSE_QUESTION_LENGTH = 80;

const frontMatterSchema = z.strictObject({
  id: z.string().regex(ID, 'use lowercase letters, digits and dashes').optional(),
  title: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().optional(),
  tags: z.array(z.string().regex(TAG, 'use lowercase letters, digits and dashes')).optional(),
  lang: z
    .string()
    .transform((text, context) => {
      const read = readLanguageTag(text);
      if (read.ok) return read.tag;
      context.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    })
    .optional(),
});

type FieldName = 'q' | 'a' | 'c' | 'accept' | 'reveal' | 'reverse' | 'tags' | 'note' | 'lang';

interface Field {
  line: number;
  lines: string[];
  /** Inside a fenced code block of the field: the indentation of its opening fence, kept off its lines. */
  fence?: { indent: number; marker: string };
}

interface Option {
  line: number;
  text: string;
  right: boolean;
}

interface Block {
  id: string;
  line: number;
  fields: Partial<Record<FieldName, Field>>;
  options: Option[];
}

export interface ParsedDeck {
  /** Present only when the file has no issue: a deck with errors is never loaded. */
  deck: Deck | null;
  issues: DeckIssue[];
}

/** Parses one deck file. Pure: the caller reads the file. */
export function parseDeck(path: string, text: string): ParsedDeck {
  const issues: DeckIssue[] = [];
  const report: Report = (line, message) => {
    issues.push({ path, line, message });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const control = firstControlCharacter(line);
    if (control !== null)
      report(i + 1, `control character ${codePoint(control)} in the text: a deck holds plain text only`);
  });

  const { header, bodyStart } = readFrontMatter(lines, report);
  const blocks = readBlocks(lines, bodyStart, report);
  const deckId = header?.id ?? deckIdFromPath(path);
  if (!ID.test(deckId)) {
    report(1, `deck id "${deckId}" (from the file name) is not valid: set "id:" in the front matter`);
  }
  const deckTags = header?.tags ?? [];
  const deckLang = header?.lang ?? DEFAULT_LANG;

  const seen = new Map<string, number>();
  const cards: Card[] = [];
  for (const block of blocks) {
    const first = seen.get(block.id);
    if (first !== undefined) {
      report(block.line, `card id "${block.id}" is already used on line ${first}`);
      continue;
    }
    seen.set(block.id, block.line);
    for (const card of toCards(
      block,
      deckId,
      deckTags,
      deckLang,
      cards.length,
      report,
      () => issues.length,
    )) {
      const taken = card.id === block.id ? undefined : seen.get(card.id);
      if (taken !== undefined) {
        report(block.line, `card "${block.id}" makes card id "${card.id}", already used on line ${taken}`);
        continue;
      }
      if (card.id !== block.id && card.id.length > MAX_ID_LENGTH) {
        report(
          block.line,
          `card id "${card.id}" (made from "${block.id}") is too long: keep "${block.id}" shorter`,
        );
        continue;
      }
      seen.set(card.id, block.line);
      cards.push(card);
    }
  }
  if (header && blocks.length === 0 && issues.length === 0) {
    report(bodyStart + 1, 'the deck has no cards: start each card with a "## card-id" heading');
  }

  issues.sort((a, b) => a.line - b.line);
  if (issues.length > 0 || !header) return { deck: null, issues };
  return {
    deck: {
      id: deckId,
      title: header.title,
      description: header.description ?? null,
      tags: deckTags,
      lang: deckLang,
      path,
      cards,
    },
    issues,
  };
}

type Report = (line: number, message: string) => void;

function readFrontMatter(
  lines: string[],
  report: Report,
): { header: z.infer<typeof frontMatterSchema> | null; bodyStart: number } {
  if (lines[0]?.trim() !== '---') {
    report(1, 'a deck starts with front matter: a "---" line, "title: …", then "---"');
    return { header: null, bodyStart: 0 };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) {
    report(1, 'the front matter is not closed: add a "---" line after it');
    return { header: null, bodyStart: lines.length };
  }
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const where = counter.linePos(error.pos[0]).line + 1;
      // yaml adds its own position, counted from the front matter's first line: only the file's line is given.
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      report(where, `front matter: ${message}`);
    }
    return { header: null, bodyStart: end + 1 };
  }
  const parsed = frontMatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      // An unknown key is reported on the object, with the key's name aside: point at the key's own line.
      const key = problem.path[0] ?? (problem.code === 'unrecognized_keys' ? problem.keys[0] : undefined);
      const node = typeof key === 'string' ? doc.contents : null;
      const range =
        node && 'items' in node
          ? (node.items as { key: { value?: unknown; range?: [number, number, number] } }[]).find(
              (item) => item.key?.value === key,
            )?.key.range
          : undefined;
      const where = range ? counter.linePos(range[0]).line + 1 : 1;
      const name = problem.path.length > 0 ? ` "${problem.path.join('.')}"` : '';
      report(where, `front matter${name}: ${problem.message}`);
    }
    return { header: null, bodyStart: end + 1 };
  }
  return { header: parsed.data, bodyStart: end + 1 };
}

function readBlocks(lines: string[], start: number, report: Report): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  let field: Field | null = null;
  let option: Option | null = null;

  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (field?.fence) {
      // Code keeps its indentation, and a line of it never starts a field, an option or a card.
      const { indent, marker } = field.fence;
      const leading = raw.length - raw.trimStart().length;
      field.lines.push(raw.slice(Math.min(indent, leading)).trimEnd());
      if (raw.trim().startsWith(marker) && raw.trim().replaceAll('`', '') === '') delete field.fence;
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const id = heading[1] ?? '';
      if (!ID.test(id)) {
        report(
          line,
          `card id "${id}" is not valid: use lowercase letters, digits and dashes, like "## docker-volumes"`,
        );
      } else if (id.length > MAX_ID_LENGTH) {
        report(line, `card id "${id}" is ${id.length} characters long: keep it to ${MAX_ID_LENGTH}`);
      }
      block = { id, line, fields: {}, options: [] };
      blocks.push(block);
      field = null;
      option = null;
      continue;
    }
    if (!block) continue; // an introduction before the first card

    const fieldMatch = FIELD.exec(raw);
    if (fieldMatch) {
      const name = (fieldMatch[1] ?? '').toLowerCase() as FieldName;
      const existing = block.fields[name];
      if (existing) {
        report(
          line,
          `"${fieldLabel(name)}:" appears twice in card "${block.id}" (first on line ${existing.line})`,
        );
      }
      field = { line, lines: [fieldMatch[2] ?? ''] };
      block.fields[name] = field;
      option = null;
      continue;
    }
    const optionMatch = OPTION.exec(raw);
    if (optionMatch) {
      option = { line, text: (optionMatch[2] ?? '').trim(), right: optionMatch[1] !== ' ' };
      block.options.push(option);
      field = null;
      continue;
    }
    if (option) {
      if (raw.trim() === '') option = null;
      else option.text = `${option.text} ${raw.trim()}`;
      continue;
    }
    if (field) {
      field.lines.push(raw.trim());
      const fence = /^(\s*)(`{3,})[^`]*$/.exec(raw);
      if (fence) field.fence = { indent: fence[1]?.length ?? 0, marker: fence[2] ?? '```' };
      continue;
    }
    if (raw.trim() !== '') {
      report(
        line,
        `text outside a field in card "${block.id}": start it with Q:, A:, C:, Accept:, Reveal:, Reverse:, Tags:, Note: or Lang:`,
      );
    }
  }
  return blocks;
}

function toCards(
  block: Block,
  deckId: string,
  deckTags: string[],
  deckLang: string,
  position: number,
  report: Report,
  issueCount: () => number,
): Card[] {
  const before = issueCount();
  const value = (name: FieldName) => {
    const field = block.fields[name];
    return field ? field.lines.join('\n').trim() : undefined;
  };
  const lineOf = (name: FieldName) => block.fields[name]?.line ?? block.line;

  const question = value('q');
  const cloze = value('c');
  if (cloze !== undefined && question !== undefined) {
    report(block.line, `card "${block.id}" has both "Q:" and "C:": a cloze card's sentence is its question`);
  } else if (cloze === undefined && !question) {
    report(lineOf('q'), `card "${block.id}" has no question: add "Q: …"`);
  }
  for (const [name, text] of [
    ['q', question],
    ['c', cloze],
  ] as const) {
    if (text !== undefined && text.length > MAX_QUESTION_LENGTH)
      report(lineOf(name), tooLong(block.id, `${fieldLabel(name)}:`, text.length, MAX_QUESTION_LENGTH));
  }
  for (const name of ['a', 'accept', 'reveal', 'tags', 'note'] as const) {
    const length = value(name)?.length ?? 0;
    if (length > MAX_FIELD_LENGTH)
      report(lineOf(name), tooLong(block.id, `${fieldLabel(name)}:`, length, MAX_FIELD_LENGTH));
  }
  for (const option of block.options) {
    if (option.text.length > MAX_FIELD_LENGTH)
      report(option.line, tooLong(block.id, 'an option', option.text.length, MAX_FIELD_LENGTH));
  }

  const answer = value('a');
  const reveal = value('reveal');
  const hasOptions = block.options.length > 0;
  const kinds = [answer !== undefined, reveal !== undefined, hasOptions].filter(Boolean).length;
  if (cloze !== undefined) {
    if (kinds > 0)
      report(block.line, `card "${block.id}": a cloze card ("C:") takes no "A:", "Reveal:" or options`);
  } else if (kinds === 0) {
    report(block.line, `card "${block.id}" has no answer: add "A: …", "Reveal: …" or options "- [x] …"`);
  } else if (kinds > 1) {
    report(block.line, `card "${block.id}" mixes answer kinds: use one of "A:", "Reveal:" or options`);
  }
  const kind: CardKind =
    cloze !== undefined ? 'cloze' : hasOptions ? 'choice' : reveal !== undefined ? 'self' : 'typed';

  if (answer === '') report(lineOf('a'), `card "${block.id}": "A:" is empty`);
  if (reveal === '') report(lineOf('reveal'), `card "${block.id}": "Reveal:" is empty`);
  const accept = splitList(value('accept'), '|');
  if (accept.length > 0 && kind !== 'typed') {
    report(lineOf('accept'), `card "${block.id}": "Accept:" only goes with a typed answer ("A:")`);
  }
  const reverse = readReverse(block, value('reverse'), kind, question, lineOf('reverse'), report);
  const clozes = cloze === undefined ? [] : readClozes(block, report);

  let correctOption: number | null = null;
  if (hasOptions) correctOption = checkOptions(block, report);

  const tags = splitList(value('tags'), ',').map((tag) => tag.toLowerCase());
  for (const tag of tags) {
    if (!TAG.test(tag))
      report(lineOf('tags'), `card "${block.id}": tag "${tag}" is not valid: use letters, digits and dashes`);
  }

  const langField = value('lang');
  const lang = langField === undefined ? { ok: true as const, tag: deckLang } : readLanguageTag(langField);
  if (!lang.ok) report(lineOf('lang'), `card "${block.id}": "Lang:" ${lang.message}`);

  if (issueCount() > before || !lang.ok) return [];
  const options = block.options.map((option) => option.text);
  const common = {
    deckId,
    accept: [] as string[],
    options: [] as string[],
    correctOption: null,
    note: value('note') || null,
    tags: [...new Set([...tags, ...deckTags])],
    lang: lang.tag,
    line: block.line,
  };
  if (kind === 'cloze') {
    return clozes.map((card, i) => ({
      ...common,
      id: `${block.id}-c${card.number}`,
      kind,
      question: card.question,
      answer: card.answer,
      position: position + i,
      noteId: block.id,
    }));
  }
  if (!question) return [];
  const card: Card = {
    ...common,
    id: block.id,
    kind,
    question,
    answer:
      kind === 'choice' ? (options[correctOption ?? 0] ?? '') : ((kind === 'self' ? reveal : answer) ?? ''),
    accept,
    options,
    correctOption,
    position,
  };
  if (!reverse) return [card];
  return [
    { ...card, noteId: block.id },
    {
      ...common,
      id: `${block.id}-r`,
      kind,
      question: card.answer,
      answer: question,
      position: position + 1,
      noteId: block.id,
    },
  ];
}

/** `Reverse: yes` or `no`; a reverse asks a typed card's answer and expects its (short) question. */
function readReverse(
  block: Block,
  text: string | undefined,
  kind: CardKind,
  question: string | undefined,
  line: number,
  report: Report,
): boolean {
  if (text === undefined) return false;
  const wanted = /^(yes|no)$/i.exec(text)?.[1]?.toLowerCase();
  if (wanted === undefined) {
    report(line, `card "${block.id}": "Reverse:" is "yes" or "no", not "${text}"`);
    return false;
  }
  if (wanted === 'no') return false;
  if (kind !== 'typed') {
    report(line, `card "${block.id}": "Reverse:" only goes with a typed answer ("Q:" and "A:")`);
  } else if (question !== undefined && question.length > MAX_REVERSE_QUESTION_LENGTH) {
    report(
      line,
      `card "${block.id}": a reverse asks the question as the answer, and this one is ${question.length} characters long: keep it to ${MAX_REVERSE_QUESTION_LENGTH}, or remove "Reverse:"`,
    );
  }
  return true;
}

/** The cards of a cloze sentence; each problem is reported on the line it is on. */
function readClozes(block: Block, report: Report) {
  const field = block.fields.c;
  if (!field) return [];
  const text = field.lines.join('\n');
  const result = expandCloze(text);
  if (!result.ok) {
    for (const problem of result.problems) {
      const line = field.line + (text.slice(0, problem.offset).match(/\n/g)?.length ?? 0);
      report(line, `card "${block.id}": ${problem.message}`);
    }
    return [];
  }
  return result.cards.map((card) => ({ ...card, question: card.question.trim() }));
}

function checkOptions(block: Block, report: Report): number | null {
  const { options } = block;
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    report(
      block.line,
      `card "${block.id}" has ${options.length} option${options.length === 1 ? '' : 's'}: give ${MIN_OPTIONS} to ${MAX_OPTIONS}`,
    );
  }
  const right = options.filter((option) => option.right);
  if (right.length !== 1) {
    report(block.line, `card "${block.id}" has ${right.length} right options: mark exactly one with "- [x]"`);
  }
  const seen = new Map<string, number>();
  for (const option of options) {
    if (option.text === '') report(option.line, `card "${block.id}": an option is empty`);
    const key = option.text.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      report(option.line, `card "${block.id}": option "${option.text}" repeats line ${first}`);
    else seen.set(key, option.line);
  }
  return right.length === 1 ? options.findIndex((option) => option.right) : null;
}

function tooLong(cardId: string, field: string, length: number, limit: number): string {
  return `card "${cardId}": ${field} is ${length.toLocaleString('en-US')} characters long: keep it to ${limit.toLocaleString('en-US')}`;
}

function splitList(text: string | undefined, separator: string): string[] {
  if (!text) return [];
  return text
    .split(separator)
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}

function fieldLabel(name: FieldName): string {
  return name === 'q' || name === 'a' ? name.toUpperCase() : name[0]?.toUpperCase() + name.slice(1);
}

function deckIdFromPath(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.md$/i, '').toLowerCase();
}
