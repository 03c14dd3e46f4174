import type { Segment } from '../core/text/segments.ts';

/**
 * How a platform marks up card text (Discord's markdown, Slack's mrkdwn): plain text escaped its own way, and
 * code in its code spans and blocks. The TeX of maths is shown as inline code (its picture goes alongside).
 */
export interface CardMarkup {
  /** Plain text, escaped; `startsLine`: it begins a line, where line-start markup (a quote, a list) could form. */
  text(text: string, startsLine: boolean): string;
  /** Fenced code as a code block; a fence inside it is already broken, so the block cannot end early. */
  codeBlock(code: string, lang: string | null): string;
  inlineCode(code: string): string;
}

/** Card text's segments (src/core/text/segments.ts) in a platform's markup, fenced code on lines of its own. */
export function markUp(segments: readonly Segment[], markup: CardMarkup): string {
  let out = '';
  segments.forEach((segment, i) => {
    if (segment.kind === 'text') out += markup.text(segment.text, out === '' || out.endsWith('\n'));
    else if (segment.kind === 'code' && segment.block) {
      if (out !== '' && !out.endsWith('\n')) out += '\n';
      // A zero-width space breaks a fence inside the code.
      out += markup.codeBlock(segment.code.replaceAll('```', '`\u200b``'), segment.lang);
      if (i < segments.length - 1) out += '\n';
    } else if (segment.kind === 'code') out += markup.inlineCode(segment.code);
    else out += markup.inlineCode(segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`);
  });
  return out;
}
