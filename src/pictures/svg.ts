/** The colours of every picture: a light card with dark ink, readable on Discord's and Slack's dark and light themes. */
export const PALETTE = {
  card: '#ffffff',
  border: '#d0d7de',
  ink: '#1f2328',
  muted: '#59636e',
  grid: '#eaeef2',
  empty: '#ebedf0',
  levels: ['#9be9a8', '#40c463', '#30a14e', '#216e39'],
  due: '#0969da',
  retention: '#8250df',
} as const;

const NAME_LIMIT = 40; // characters of a person's name drawn before "…"

/** Text as SVG character data or an attribute value: markup escaped, and characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML 1.0 forbids.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** A person's name on one line of a picture: whitespace folded, at most NAME_LIMIT characters. */
export function shortName(name: string): string {
  const folded = name.replace(/\s+/g, ' ').trim();
  const characters = [...folded];
  return characters.length <= NAME_LIMIT ? folded : `${characters.slice(0, NAME_LIMIT - 1).join('')}…`;
}

interface TextOptions {
  size?: number;
  weight?: 400 | 700;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** One `<text>` element; its content is escaped here, so callers pass plain text. */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 13, weight = 400, fill = PALETTE.ink, anchor = 'start' } = options;
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
}

export function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  title?: string,
): string {
  const shape = `x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="2" fill="${fill}"`;
  return title === undefined
    ? `<rect ${shape}/>`
    : `<rect ${shape}><title>${escapeXml(title)}</title></rect>`;
}

/** The whole picture: a solid rounded card, so it reads the same on any chat background. */
export function svgDocument(width: number, height: number, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="14" fill="${PALETTE.card}" stroke="${PALETTE.border}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

const COUNT = new Intl.NumberFormat('en-US');

/** 1234 → "1,234": every number a picture shows is written this way. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** 0.873 → "87%"; null (nothing to measure) → "–". */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** "2026-11-02" → "Nov 2". */
export function shortDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}`;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function round(value: number): string {
  return Number(value.toFixed(1)).toString();
}
