import { markUp } from '../../chat/card-markup.ts';
import { ELLIPSIS } from '../../chat/text-cut.ts';
import { head as firstUnits } from '../../core/text/clean-text.ts';
import { segmentsOf } from '../../core/text/segments.ts';

/** Discord's limit on a message's content. */
export const MESSAGE_LIMIT = 2_000; // characters
const ZERO_WIDTH_SPACE = '\u200b';

/** Characters that make markdown wherever they are: each is shown as typed behind a backslash. */
const ALWAYS = new Set(['\\', '*', '_', '`']);
/** Characters that make markdown only doubled (`~~strike~~`, `||spoiler||`). */
const DOUBLED = new Set(['~', '|']);
const URL_START = /https?:\/\/[^\s<]+/y;

/**
 * Card or user text made inert: markdown shows as typed, and no mention can form (`@everyone`, `@here`,
 * `<@user>`, `<@&role>`, `<#channel>`): a zero-width space follows every `@` and `<`.
 *
 * Only the first `within` characters are escaped (with an ellipsis when there were more): a message
 * cannot show more. One pass over the text, so its cost grows with the length, never with its square
 * (discord.js's escapeMarkdown took 17 s on 60,000 characters).
 */
export function escapeText(text: string, within: number = MESSAGE_LIMIT): string {
  const shown = text.length > within ? `${firstUnits(text, within)}${ELLIPSIS}` : text;
  // `[label](target)` is a masked link; a `[` with no `](` after it cannot start one.
  return escapeSpan(shown, true, shown.lastIndexOf(']('));
}

/**
 * Card text as a message shows it: fenced code as code blocks with their language, inline code as code, the
 * TeX of maths as code (its picture goes alongside), and everything else escaped as `escapeText` does. Inside
 * code nothing is escaped (a fence inside is broken by a zero-width space); mentions there stay inert through
 * the messages' `allowed_mentions`, which every reply sets.
 */
export function cardText(text: string, within: number = MESSAGE_LIMIT): string {
  const shown = text.length > within ? `${firstUnits(text, within)}${ELLIPSIS}` : text;
  const segments = segmentsOf(shown);
  if (segments.every((segment) => segment.kind === 'text'))
    return escapeSpan(shown, true, shown.lastIndexOf(']('));
  // A link could start in one stretch of text and end in another: with any `](` in the text, every `[` is escaped.
  const lastLinkMiddle = shown.includes('](') ? Number.POSITIVE_INFINITY : -1;
  return markUp(segments, {
    text: (part, startsLine) => escapeSpan(part, startsLine, lastLinkMiddle),
    codeBlock: (code, lang) => `\`\`\`${lang ?? ''}\n${code}\n\`\`\``,
    inlineCode,
  });
}

/** Inline code: backticks inside are kept by a double-backtick span; code that cannot be spanned is escaped. */
function inlineCode(code: string): string {
  if (code === '') return '';
  if (!code.includes('`')) return `\`${code}\``;
  if (!code.includes('``')) return `\`\` ${code} \`\``;
  return escapeSpan(code, false, -1);
}

/** escapeText over a stretch of text that does or does not begin a line. */
function escapeSpan(shown: string, startsLine: boolean, lastLinkMiddle: number): string {
  let out = '';
  let lineStart = startsLine;
  for (let i = 0; i < shown.length; ) {
    if (lineStart) {
      const start = lineStartEscape(shown, i);
      out += start.text;
      i = start.next;
      lineStart = false;
      continue;
    }
    const char = shown.charAt(i);
    if (char === 'h') {
      // A link's underscores and stars are part of its address, as Discord reads it.
      URL_START.lastIndex = i;
      const url = URL_START.exec(shown);
      if (url) {
        out += inert(url[0].replaceAll('\\', '\\\\'));
        i += url[0].length;
        continue;
      }
    }
    if (ALWAYS.has(char) || (DOUBLED.has(char) && (shown[i - 1] === char || shown[i + 1] === char))) {
      out += `\\${char}`;
    } else if (char === '[' && i < lastLinkMiddle) {
      out += '\\[';
    } else if (char === '@' || char === '<') {
      out += `${char}${ZERO_WIDTH_SPACE}`;
    } else {
      out += char;
      if (char === '\n') lineStart = true;
    }
    i += 1;
  }
  return out;
}

const LINE_START = /[ \t]*(?:(>|-#|#{1,3} |[-*] )|(\d+)\.)?/y;

/**
 * What a line begins with, escaped where it would make a block quote, subtext, a heading, or a bulleted
 * or numbered list item. `next` is where the rest of the line starts.
 */
function lineStartEscape(text: string, from: number): { text: string; next: number } {
  LINE_START.lastIndex = from;
  const match = LINE_START.exec(text);
  const whole = match?.[0] ?? '';
  if (!match || whole === '') return { text: '', next: from };
  const indent = whole.slice(0, whole.length - (match[1]?.length ?? (match[2] ? match[2].length + 1 : 0)));
  if (match[1] !== undefined) {
    // A `*` is escaped where it stands; here only its place at the start of a line matters.
    const marker = match[1] === '* ' ? '\\* ' : `\\${match[1]}`;
    return { text: `${indent}${marker}`, next: from + whole.length };
  }
  if (match[2] !== undefined) return { text: `${indent}${match[2]}\\.`, next: from + whole.length };
  return { text: indent, next: from + whole.length };
}

/** A link's text with mentions broken, and nothing else changed. */
function inert(text: string): string {
  return text.replaceAll('@', `@${ZERO_WIDTH_SPACE}`).replaceAll('<', `<${ZERO_WIDTH_SPACE}`);
}
