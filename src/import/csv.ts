import { createHash } from 'node:crypto';
import type { Card } from '../core/deck/card.ts';
import { codePoint, firstControlCharacter } from '../core/deck/characters.ts';
import type { ImportedDeck, SkippedItem } from '../core/deck/imported.ts';
import { htmlToMarkdown } from './html.ts';
import { ImportProblem, type ReadOptions } from './options.ts';

/** What `--map` can pick, and `accept=split`. */
export interface ColumnMap {
  question?: string;
  answer?: string;
  note?: string;
  tags?: string;
  id?: string;
  /** `split`: alternatives in the answer separated by `;` (else `,`) become accepted aliases. */
  accept?: 'split';
}

const MAP_KEYS = new Set(['question', 'answer', 'note', 'tags', 'id', 'accept']);
const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  colon: ':',
  space: ' ',
};
const HEADER_WORDS = new Set(['question', 'answer', 'front', 'back', 'id', 'guid', 'tags', 'note']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG = /^[a-z0-9][a-z0-9_-]*$/;
const MAX_ID_LENGTH = 50;
const MAX_QUESTION_LENGTH = 4_000;
const MAX_FIELD_LENGTH = 10_000;
/** An answer of up to this many words is typed; a longer one is revealed and self-graded. */
const TYPED_MAX_WORDS = 5;

/** Reads `--map question=expression,answer=meaning,note=reading,tags=tags,id=guid,accept=split`. */
export function parseColumnMap(spec: string): ColumnMap {
  const map: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const [key = '', value = ''] = part.split('=').map((word) => word.trim());
    if (!MAP_KEYS.has(key))
      throw new ImportProblem([`--map: "${key}" is not one of question, answer, note, tags, id, accept`]);
    if (value === '') throw new ImportProblem([`--map: ${key} needs a column name or number`]);
    if (key === 'accept' && value !== 'split') throw new ImportProblem(['--map: accept takes only "split"']);
    map[key] = value;
  }
  return map as ColumnMap;
}

/**
 * A CSV or TSV deck: Anki's text export (`#separator:`, `#html:`, `#columns:`, `#guid column:`, `#tags
 * column:` header lines) or a plain header row. Without `--map`, the first two columns are question and answer.
 * A row's card id is its id column (made into an id when it is not one), else derived from its question.
 */
export function readCsv(text: string, options: ReadOptions): ImportedDeck {
  const lines = text.replace(/^\uFEFF/, '');
  const headers = new Map<string, string>();
  let offset = 0;
  let headerLines = 0;
  while (lines.startsWith('#', offset)) {
    const end = lines.indexOf('\n', offset);
    const line = lines.slice(offset, end === -1 ? undefined : end).replace(/\r$/, '');
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(1, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    offset = end === -1 ? lines.length : end + 1;
    headerLines++;
  }
  const body = lines.slice(offset);
  const separator = separatorOf(headers.get('separator'), body);
  const rows = parseRows(body, separator);
  const html = headers.get('html') === 'true';
  const map = options.map ?? {};

  let names: string[] | null = headers.get('columns')?.split(separator) ?? null;
  let firstRow = 0;
  const mapNamesColumns = Object.entries(map).some(
    ([key, value]) => key !== 'accept' && !/^\d+$/.test(value),
  );
  if (
    !names &&
    rows[0] &&
    (mapNamesColumns || rows[0].cells.some((cell) => HEADER_WORDS.has(cell.trim().toLowerCase())))
  ) {
    names = rows[0].cells;
    firstRow = 1;
  }
  const column = (key: keyof ColumnMap, fallback: number | null): number | null => {
    const value =
      map[key] ??
      (key === 'id' ? numbered(headers.get('guid column')) : undefined) ??
      (key === 'tags' ? numbered(headers.get('tags column')) : undefined);
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value)) return Number(value) - 1;
    const at = names?.findIndex((name) => name.trim().toLowerCase() === value.toLowerCase()) ?? -1;
    if (at < 0)
      throw new ImportProblem([
        `--map: no column "${value}"${names ? ` (the columns: ${names.join(', ')})` : ' (the file has no header row)'}`,
      ]);
    return at;
  };
  const columns = {
    question: column('question', 0),
    answer: column('answer', 1),
    note: column('note', null),
    tags: column('tags', null),
    id: column('id', null),
  };

  const skipped: SkippedItem[] = [];
  const cards: Card[] = [];
  const seen = new Set<string>();
  const dataRows = rows.slice(firstRow);
  if (dataRows.length > options.maxNotes)
    throw new ImportProblem([
      `${options.path}: ${dataRows.length} rows, more than the ${options.maxNotes} notes an import may have`,
    ]);
  for (const row of dataRows) {
    const item = `line ${row.line + headerLines}`;
    // An answer, an id and tags are typed or matched as they are: plain text, without Markdown's marks.
    const cell = (at: number | null, plain = false) => {
      const raw = at === null ? '' : (row.cells[at] ?? '');
      return (html ? htmlToMarkdown(raw, { plain }) : raw).trim();
    };
    const question = cell(columns.question);
    const answerText = cell(columns.answer, true);
    const problem = rowProblem(question, answerText, [cell(columns.note), cell(columns.tags, true)]);
    if (problem) {
      skipped.push({ item, reason: problem });
      continue;
    }
    const rawId = cell(columns.id, true);
    const id = cardId(rawId || question, rawId === '');
    if (seen.has(id)) {
      skipped.push({ item, reason: `card id "${id}" is used by an earlier row` });
      continue;
    }
    seen.add(id);
    const [answer = answerText, ...accept] = map.accept === 'split' ? alternatives(answerText) : [answerText];
    const typed = answer.split(/\s+/).length <= TYPED_MAX_WORDS && !answer.includes('\n');
    const note = cell(columns.note);
    cards.push({
      id,
      deckId: options.deckId,
      kind: typed ? 'typed' : 'self',
      question,
      answer,
      accept: typed ? accept : [],
      options: [],
      correctOption: null,
      note: note === '' ? null : note,
      lang: options.lang,
      tags: tagsOf(cell(columns.tags, true)),
      position: cards.length,
      line: row.line + headerLines,
    });
  }
  return {
    deck: {
      id: options.deckId,
      title: options.title,
      description: null,
      lang: options.lang,
      tags: [],
      path: options.path,
      cards,
    },
    notes: dataRows.length,
    media: [],
    missingMedia: [],
    skipped,
  };
}

function numbered(value: string | undefined): string | undefined {
  return value && /^\d+$/.test(value) ? value : undefined;
}

function separatorOf(declared: string | undefined, body: string): string {
  if (declared !== undefined) return SEPARATORS[declared.toLowerCase()] ?? declared.charAt(0);
  const first = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  const counts = ['\t', ',', ';'].map((char) => [char, first.split(char).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

interface Row {
  /** 1-based line (of the body) the row starts on. */
  line: number;
  cells: string[];
}

/** RFC 4180 rows: quoted fields may hold the separator, line breaks and doubled quotes. */
export function parseRows(text: string, separator: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n') {
      endRow();
      line++;
      rowLine = line;
    } else if (char !== '\r') cell += char;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function rowProblem(question: string, answer: string, others: readonly string[]): string | null {
  if (question === '') return 'empty question';
  if (answer === '') return 'empty answer';
  if (question.length > MAX_QUESTION_LENGTH)
    return `the question is ${question.length} characters long: keep it to ${MAX_QUESTION_LENGTH}`;
  for (const text of [question, answer, ...others]) {
    if (text.length > MAX_FIELD_LENGTH)
      return `a field is ${text.length} characters long: keep it to ${MAX_FIELD_LENGTH}`;
    const control = firstControlCharacter(text.replace(/\n/g, ' '));
    if (control !== null) return `control character ${codePoint(control)} in the text`;
  }
  return null;
}

/** The source's id when it is a valid card id, else a stable one derived from it. */
function cardId(source: string, fromQuestion: boolean): string {
  // Anki GUIDs are case-sensitive: only an id already in card-id form is kept as it is.
  const slug = source.trim();
  if (!fromQuestion && ID.test(slug) && slug.length <= MAX_ID_LENGTH && !slug.includes('--')) return slug;
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return `${fromQuestion ? 'q' : 'g'}-${digest}`;
}

function alternatives(answer: string): string[] {
  const separator = answer.includes(';') ? ';' : ',';
  const parts = answer
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 ? parts : [answer];
}

function tagsOf(text: string): string[] {
  const tags = text
    .split(/[\s,]+/)
    .map((tag) => tag.toLowerCase().replace(/::/g, '-'))
    .filter((tag) => TAG.test(tag));
  return [...new Set(tags)];
}
