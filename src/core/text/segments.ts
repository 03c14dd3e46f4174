/**
 * Card text cut into what each renderer shows differently: plain text (escaped on every platform), code
 * (fenced blocks with their language, and inline code), and TeX maths (`$…$` inline, `$$…$$` display).
 * Pure, and one pass: every renderer uses the same reading of a card.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; code: string; block: false }
  | { kind: 'code'; code: string; block: true; lang: string | null }
  | { kind: 'math'; tex: string; display: boolean };

/** A fence line: three or more backticks, then an optional language word. */
const FENCE_OPEN = /^[ \t]{0,3}(`{3,})[ \t]*([^\s`]*)[^`\n]*$/;
/** A language name as code blocks show it (`js`, `c++`, `objective-c`); anything else is left out. */
const LANG = /^[A-Za-z0-9][A-Za-z0-9+#._-]{0,19}$/;

/** The segments of card text, in order; joining their sources gives the text back (less fence lines). */
export function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') out.push(...inlineSegments(plain));
    plain = '';
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = FENCE_OPEN.exec(line);
    if (!open) {
      plain += i < lines.length - 1 ? `${line}\n` : line;
      continue;
    }
    const fence = open[1] ?? '```';
    const closeAt = lines.findIndex((candidate, j) => j > i && isFenceClose(candidate, fence.length));
    // An unclosed fence runs to the end of the text, as in CommonMark.
    const end = closeAt < 0 ? lines.length : closeAt;
    flush();
    const lang = open[2] ?? '';
    out.push({
      kind: 'code',
      code: lines.slice(i + 1, end).join('\n'),
      block: true,
      lang: LANG.test(lang) ? lang : null,
    });
    i = end;
    // The line after the closing fence starts a new line of text.
  }
  flush();
  return out;
}

function isFenceClose(line: string, length: number): boolean {
  const match = /^[ \t]{0,3}(`{3,})[ \t]*$/.exec(line);
  return match !== null && (match[1]?.length ?? 0) >= length;
}

/** Inline code (a run of backticks closed by a run of the same length) and maths within a stretch of text. */
function inlineSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let plain = '';
  const push = (segment: Segment) => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
    out.push(segment);
  };
  for (let i = 0; i < text.length; ) {
    const char = text.charAt(i);
    if (char === '\\' && text.charAt(i + 1) === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = runOf(text, i, '`');
      const close = findRun(text, i + run, '`', run);
      if (close < 0) {
        plain += text.slice(i, i + run);
        i += run;
        continue;
      }
      const code = text.slice(i + run, close);
      // One space each side is padding (for code that starts or ends with a backtick).
      const trimmed = /^ .* $/s.test(code) && code.trim() !== '' ? code.slice(1, -1) : code;
      push({ kind: 'code', code: trimmed, block: false });
      i = close + run;
      continue;
    }
    if (char === '$') {
      const math = mathAt(text, i);
      if (math) {
        push({ kind: 'math', tex: math.tex, display: math.display });
        i = math.end;
        continue;
      }
    }
    plain += char;
    i += 1;
  }
  if (plain !== '') out.push({ kind: 'text', text: plain });
  return out;
}

/**
 * Maths starting at `from`: `$$…$$`, or `$…$` whose opening `$` is not followed by a space and whose closing
 * `$` is not preceded by a space nor followed by a digit (Pandoc's rule: "$5 and $10" stays text).
 */
function mathAt(text: string, from: number): { tex: string; display: boolean; end: number } | null {
  if (text.startsWith('$$', from)) {
    const close = text.indexOf('$$', from + 2);
    const tex = close < 0 ? '' : text.slice(from + 2, close).trim();
    return tex === '' ? null : { tex, display: true, end: close + 2 };
  }
  const first = text.charAt(from + 1);
  if (first === '' || /\s/.test(first)) return null;
  for (let i = from + 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\n' && text.charAt(i + 1) === '\n') return null; // not across paragraphs
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char !== '$') continue;
    if (/\s/.test(text.charAt(i - 1)) || /\d/.test(text.charAt(i + 1))) return null;
    return { tex: text.slice(from + 1, i), display: false, end: i + 1 };
  }
  return null;
}

function runOf(text: string, from: number, char: string): number {
  let end = from;
  while (text.charAt(end) === char) end += 1;
  return end - from;
}

/** Where a run of exactly `length` `char`s starts at or after `from`, or -1. */
function findRun(text: string, from: number, char: string, length: number): number {
  for (let i = text.indexOf(char, from); i >= 0; i = text.indexOf(char, i)) {
    const run = runOf(text, i, char);
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** The maths of card text, in order: what a renderer turns into pictures. */
export function mathOf(text: string): Extract<Segment, { kind: 'math' }>[] {
  return segmentsOf(text).filter((segment) => segment.kind === 'math');
}
