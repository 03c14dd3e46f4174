/**
 * Cloze deletions in Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`. One sentence (a note) gives
 * one card per cloze number. Pure, so the Markdown parser and every importer share it.
 */

/** One card of a cloze note: its number, the question with that blank, and what fills it. */
export interface ClozeCard {
  number: number;
  question: string;
  answer: string;
}

/** A problem in cloze text; `offset` is where in the text it starts. */
export interface ClozeProblem {
  offset: number;
  message: string;
}

export type ClozeResult = { ok: true; cards: ClozeCard[] } | { ok: false; problems: ClozeProblem[] };

/** What a blank shows without a hint. */
const BLANK = '[…]';
/** Anki's highest cloze number; it also keeps generated card ids short. */
const MAX_NUMBER = 99;
const OPEN = '{{c';
const CLOSE = '}}';
const HEAD = /^\{\{c(\d+)::/;

interface Span {
  number: number;
  start: number;
  end: number;
  text: string;
  hint: string | null;
}

/** Every card of a cloze note, in number order, or what is wrong with its clozes. */
export function expandCloze(text: string): ClozeResult {
  const { spans, problems } = readSpans(text);
  if (problems.length === 0 && spans.length === 0) {
    problems.push({ offset: 0, message: 'no cloze: mark the hidden part like {{c1::answer}}' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const numbers = [...new Set(spans.map((span) => span.number))].sort((a, b) => a - b);
  const cards = numbers.map((number) => {
    const own = spans.filter((span) => span.number === number);
    return { number, question: fill(text, spans, number), answer: joinAnswers(own.map((span) => span.text)) };
  });
  return { ok: true, cards };
}

function readSpans(text: string): { spans: Span[]; problems: ClozeProblem[] } {
  const spans: Span[] = [];
  const problems: ClozeProblem[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(OPEN, from);
    if (start < 0) break;
    const head = HEAD.exec(text.slice(start, start + 10));
    if (!head) {
      from = start + OPEN.length;
      continue;
    }
    const bodyStart = start + head[0].length;
    const end = text.indexOf(CLOSE, bodyStart);
    const nested = text.indexOf(OPEN, bodyStart);
    if (end < 0) {
      problems.push({ offset: start, message: `unclosed cloze "${head[0]}": close it with "}}"` });
      break;
    }
    if (nested >= 0 && nested < end && HEAD.test(text.slice(nested, nested + 10))) {
      problems.push({
        offset: nested,
        message: 'a cloze inside another cloze: close the first one with "}}"',
      });
      break;
    }
    const number = Number(head[1]);
    const [answer = '', ...rest] = text.slice(bodyStart, end).split('::');
    if (number < 1 || number > MAX_NUMBER) {
      problems.push({ offset: start, message: `cloze number c${head[1]}: use c1 to c${MAX_NUMBER}` });
    } else if (answer.trim() === '') {
      problems.push({ offset: start, message: `cloze c${number} is empty: put the hidden text after "::"` });
    } else {
      const hint = rest.join('::').trim();
      spans.push({
        number,
        start,
        end: end + CLOSE.length,
        text: answer.trim(),
        hint: hint === '' ? null : hint,
      });
    }
    from = end + CLOSE.length;
  }
  // A "}}" left over after the last cloze, with no opening of its own, is most likely a broken "{{c…".
  const stray = strayClose(text, spans);
  if (stray >= 0 && problems.length === 0) {
    problems.push({ offset: stray, message: 'a "}}" closes no cloze: open it with "{{c1::"' });
  }
  return { spans, problems };
}

/** Where a `}}` stands outside every cloze and after a `{{` that opens none, or -1. */
function strayClose(text: string, spans: readonly Span[]): number {
  let outside = text;
  for (const span of [...spans].reverse()) {
    outside = `${outside.slice(0, span.start)}${' '.repeat(span.end - span.start)}${outside.slice(span.end)}`;
  }
  const close = outside.indexOf(CLOSE);
  if (close < 0) return -1;
  const open = outside.lastIndexOf('{{', close);
  return open >= 0 ? -1 : close;
}

/** The text with the clozes of `number` blanked and every other cloze shown as its answer. */
function fill(text: string, spans: readonly Span[], number: number): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    out += span.number === number ? (span.hint === null ? BLANK : `[${span.hint}]`) : span.text;
    at = span.end;
  }
  return out + text.slice(at);
}

/** Several blanks of one number are one answer: "a", "a and b", "a, b and c". */
function joinAnswers(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
