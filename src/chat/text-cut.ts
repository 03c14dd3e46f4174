import { head } from '../core/text/clean-text.ts';

/**
 * Text cut to a platform's limits before it is sent, whatever the platform: each adapter passes its own limit
 * (Discord's 2,000-character message, Slack's 3,000-character section, a button's label).
 */
export const ELLIPSIS = '…';

/** Plain text (a button label, a choice name) on one line, cut to `limit` characters with an ellipsis. */
export function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  return `${head(flat, limit - 1).trimEnd()}${ELLIPSIS}`;
}

/** Where to end a piece of `head`: a line end, else a word end, past `least`; else all of it. */
function endOf(head: string, least: number): number {
  const lineEnd = head.lastIndexOf('\n');
  const wordEnd = head.lastIndexOf(' ');
  return lineEnd > least ? lineEnd : wordEnd > least ? wordEnd : head.length;
}

/** A backslash left at the end would escape what follows (the ellipsis, the next message's first character). */
function withoutDanglingEscape(text: string): string {
  return /(^|[^\\])(\\\\)*\\$/.test(text) ? text.slice(0, -1) : text;
}

/**
 * Markup that fits one message: cut at the end of a line or a word, with an ellipsis, when it is too long.
 * `cut` says whether anything was left out.
 */
export function fitMessage(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const room = limit - ELLIPSIS.length;
  const start = head(text, room);
  return {
    text: `${withoutDanglingEscape(start.slice(0, endOf(start, room * 0.8)).trimEnd())}${ELLIPSIS}`,
    cut: true,
  };
}

export interface SplitOptions {
  /** The text holds entities such as `&amp;` (Slack's escaped mrkdwn): no piece ends inside one. */
  entities?: boolean;
}

/** `cut`, or where an entity such as `&amp;` that a cut at `cut` would split begins (Slack's are 5 long at most). */
export function entityStart(text: string, cut: number): number {
  const before = text.slice(Math.max(0, cut - 5), cut);
  const entity = before.lastIndexOf('&');
  return entity >= 0 && !before.slice(entity).includes(';') ? cut - before.length + entity : cut;
}

/** Long markup split into messages, each within the limit, at line or word ends where possible. */
export function split(text: string, limit: number, options: SplitOptions = {}): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const start = head(rest, limit);
    let end = endOf(start, limit / 2);
    // A cut within a word: back to the start of an entity it would split, unless that leaves nothing.
    if (options.entities && end === start.length) end = entityStart(start, end) || end;
    // An escaped character stays with its backslash.
    const part = withoutDanglingEscape(start.slice(0, end));
    parts.push(part.trimEnd());
    rest = rest.slice(part.length).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
