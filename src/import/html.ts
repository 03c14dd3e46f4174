import { cleanText } from '../core/text/clean-text.ts';

/**
 * Anki field HTML → the Markdown text a Mnemo card holds: line breaks, lists, bold/italic, code kept as code,
 * entities decoded, scripts and styles dropped, other tags stripped. Pictures become `![alt](name)`;
 * `[sound:name]` is plain text and stays as it is.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  micro: 'µ',
  iexcl: '¡',
  iquest: '¿',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
};

/** `&eacute;`, `&Uuml;`, `&ntilde;`…: a letter and its accent, composed. */
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  ring: '\u030a',
  cedil: '\u0327',
};
for (const letter of 'AEIOUYaeiouyNnCc') {
  for (const [name, mark] of Object.entries(ACCENTS)) {
    const composed = `${letter}${mark}`.normalize('NFC');
    if (composed.length === 1) NAMED_ENTITIES[`${letter}${name}`] = composed;
  }
}
Object.assign(NAMED_ENTITIES, {
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  oelig: 'œ',
  OElig: 'Œ',
});

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = Number.parseInt(decimal ?? hex ?? '', decimal !== undefined ? 10 : 16);
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    // A character reference may not bring back what cleanText took out.
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return '';
    return String.fromCodePoint(code);
  });
}

/**
 * A tag, a comment, or a run of text. Attributes may hold `>` inside quotes. No part scans past the next `<`,
 * so text full of unclosed `<a ` stays linear (a tag that cannot close there is text).
 */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)\/?>|<![^<>]*>|[^<]+|</;
const TOKENS = new RegExp(TOKEN.source, 'g');
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'object', 'iframe']);
const BLOCKS = new Set([
  'div',
  'p',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'tr',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'hr',
]);

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!found.has(name)) found.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

/** A media name as written in `src`: Anki writes names HTML-escaped and sometimes percent-encoded. */
export function mediaNameFromSrc(src: string): string {
  const name = src.trim();
  if (!/%[0-9a-fA-F]{2}/.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const stem = (name: string): string => (name.split('/').pop() ?? name).replace(/\.[^.]*$/, '');

interface Options {
  /** Plain text: no Markdown markup (for `{{text:Field}}`). */
  plain?: boolean;
}

export function htmlToMarkdown(html: string, options: Options = {}): string {
  const plain = options.plain === true;
  const out: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let dropping: string | null = null;
  let pre = 0;
  let code = 0;
  const text = (value: string) => out.push(value);
  const newline = () => out.push('\n');
  const block = () => out.push('\n\n');

  // The NUL marks a line break inside a code block until the end: no source control character may pose as one.
  const source = cleanText(html, Number.POSITIVE_INFINITY);
  for (const match of source.matchAll(TOKENS)) {
    const token = match[0];
    const name = match[2]?.toLowerCase();
    const closing = match[1] === '/';
    if (dropping !== null) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (name === undefined) {
      if (token.startsWith('<!') || (token.startsWith('<') && token.length > 1)) continue;
      const decoded = decodeEntities(token);
      text(pre > 0 ? decoded.replace(/\n/g, '\u0000') : decoded.replace(/\s+/g, ' '));
      continue;
    }
    if (DROPPED.has(name)) {
      if (!closing && !token.endsWith('/>')) dropping = name;
      continue;
    }
    switch (name) {
      case 'br':
        if (pre > 0) text('\u0000');
        else newline();
        break;
      case 'pre':
        if (closing) {
          pre = Math.max(0, pre - 1);
          text(plain ? '\n' : '\u0000```\n');
        } else {
          pre++;
          text(plain ? '\n' : '\n```\u0000');
        }
        break;
      case 'code':
      case 'kbd':
      case 'samp':
        if (pre > 0 || plain) break;
        code += closing ? -1 : 1;
        text('`');
        break;
      case 'b':
      case 'strong':
        if (!plain && code === 0 && pre === 0) text('**');
        break;
      case 'i':
      case 'em':
        if (!plain && code === 0 && pre === 0) text('*');
        break;
      case 'ul':
      case 'ol':
        if (closing) lists.pop();
        else lists.push({ ordered: name === 'ol', next: 1 });
        block();
        break;
      case 'li': {
        if (closing) break;
        const list = lists[lists.length - 1];
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        const marker = list?.ordered ? `${list.next++}.` : '-';
        text(`\n${indent}${marker} `);
        break;
      }
      case 'td':
      case 'th':
        if (!closing) text(' ');
        break;
      case 'img': {
        if (closing) break;
        const attrs = attributes(match[3] ?? '');
        const src = mediaNameFromSrc(attrs.get('src') ?? '');
        if (src === '') break;
        const inline = /^data:/i.test(src);
        const alt = (attrs.get('alt') || attrs.get('title') || (inline ? 'picture' : stem(src)))
          .replace(/[[\]\n]/g, ' ')
          .trim();
        // A picture inlined as a data: URI is no file to store: its alt text stands in for it.
        text(plain || inline ? alt : `![${alt}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`);
        break;
      }
      default:
        if (BLOCKS.has(name)) block();
    }
  }
  return tidy(out.join(''));
}

/** Trims each line (list items keep their indent), keeps at most one blank line in a row, and restores the
 * line breaks kept inside code blocks. */
function tidy(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const trimmed = line.trimEnd();
      return /^\s*(?:-|\d+\.) /.test(trimmed) ? trimmed : trimmed.trimStart();
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .split('\u0000')
    .join('\n');
}
