import { escapeMarkdown } from '@discordjs/formatters';

/** Discord's limit on a message's content. */
export const MESSAGE_LIMIT = 2_000; // characters
const ZERO_WIDTH_SPACE = '\u200b';
const ELLIPSIS = '…';

/**
 * Card or user text made inert: markdown shows as typed, and no mention can form (`@everyone`, `@here`,
 * `<@user>`, `<@&role>`, `<#channel>`): a zero-width space follows every `@` and `<`.
 */
export function escapeText(text: string): string {
  const markdown = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    // Block quotes and subtext, which escapeMarkdown leaves alone.
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
  return markdown.replaceAll('@', `@${ZERO_WIDTH_SPACE}`).replaceAll('<', `<${ZERO_WIDTH_SPACE}`);
}

/** Plain text (a button label, a choice name) cut to `limit` characters with an ellipsis. */
export function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  return `${cutAt(flat, limit - 1).trimEnd()}${ELLIPSIS}`;
}

/**
 * Markdown that fits one message: cut at the end of a line or a word, with an ellipsis, when it is too long.
 * `cut` says whether anything was left out.
 */
export function fitMessage(text: string, limit = MESSAGE_LIMIT): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const room = limit - ELLIPSIS.length;
  const head = cutAt(text, room);
  const lineEnd = head.lastIndexOf('\n');
  const wordEnd = head.lastIndexOf(' ');
  const end = lineEnd > room * 0.8 ? lineEnd : wordEnd > room * 0.8 ? wordEnd : head.length;
  return { text: `${withoutDanglingEscape(head.slice(0, end).trimEnd())}${ELLIPSIS}`, cut: true };
}

/** Long markdown split into messages, each within the limit, at line or word ends where possible. */
export function split(text: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const head = cutAt(rest, limit);
    const lineEnd = head.lastIndexOf('\n');
    const wordEnd = head.lastIndexOf(' ');
    const end = lineEnd > limit / 2 ? lineEnd : wordEnd > limit / 2 ? wordEnd : head.length;
    let part = head.slice(0, end);
    // An escaped character stays with its backslash.
    if (/(^|[^\\])(\\\\)*\\$/.test(part)) part = part.slice(0, -1);
    parts.push(part.trimEnd());
    rest = rest.slice(part.length).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** The first `length` characters, never splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** A backslash left at the end would escape the ellipsis; drop it. */
function withoutDanglingEscape(text: string): string {
  return /(^|[^\\])(\\\\)*\\$/.test(text) ? text.slice(0, -1) : text;
}
