import type { types } from '@slack/bolt';
import { type CardMarkup, markUp } from '../../../chat/card-markup.ts';
import { entityStart, split } from '../../../chat/text-cut.ts';
import { head as firstUnits } from '../../../core/text/clean-text.ts';
import { segmentsOf } from '../../../core/text/segments.ts';

/** Escapes Slack's three control characters, so card and user text can never form a mention or a link. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Card text as mrkdwn, escaped as `escapeText` escapes it: Slack escapes nothing with backslashes. */
const MRKDWN: CardMarkup = {
  text: (text) => escapeText(text),
  // Slack shows no language; inside code only its three control characters are escaped, so no mention or link
  // can form there either.
  codeBlock: (code) => `\`\`\`\n${escapeText(code)}\n\`\`\``,
  inlineCode,
};

/** Card text as mrkdwn: fenced code as a preformatted block, inline code and the TeX of maths as code. */
export function cardText(text: string): string {
  return markUp(segmentsOf(text), MRKDWN);
}

/** Slack's inline code cannot hold a backtick: such code is shown as escaped text. */
function inlineCode(code: string): string {
  if (code === '') return '';
  return code.includes('`') ? escapeText(code) : `\`${escapeText(code)}\``;
}

/** Escaped text within `max` characters, cut with an ellipsis, never inside an entity or a surrogate pair. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : ellipsized(text, max);
}

function ellipsized(text: string, max: number): string {
  const start = firstUnits(text, max - 1);
  return `${start.slice(0, entityStart(start, start.length))}…`;
}

/** Slack's limits, in characters. */
export const LIMITS = {
  sectionText: 3_000,
  buttonText: 75,
  contextText: 2_000,
} as const;

/**
 * A mrkdwn section. `text` must already be escaped where it holds card or user text; `verbatim` keeps Slack
 * from turning bare words into links or mentions.
 */
export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText), verbatim: true } };
}

/** Escaped mrkdwn of any length as section blocks, each within Slack's limit, never cut inside an entity. */
export function sections(text: string): types.SectionBlock[] {
  return split(text, LIMITS.sectionText, { entities: true }).map(section);
}

export function context(text: string): types.ContextBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.contextText), verbatim: true }],
  };
}

/** Plain text, escaped, within `max` characters once escaped (cut before escaping: no more can show). */
export function plain(text: string, max: number = LIMITS.sectionText): types.PlainTextElement {
  const escaped = escapeText(text.length > max ? firstUnits(text, max) : text);
  const fitted = escaped.length <= max && text.length <= max ? escaped : ellipsized(escaped, max);
  return { type: 'plain_text', text: fitted, emoji: true };
}

export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    text: plain(label, LIMITS.buttonText),
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** A row of buttons. Slack refuses a block with two equal action ids: a repeated one gets `:2`, `:3`… */
export function actions(elements: types.Button[]): types.ActionsBlock {
  const seen = new Map<string, number>();
  const unique = elements.map((element) => {
    const id = element.action_id ?? '';
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? element : { ...element, action_id: `${id}:${count}` };
  });
  return { type: 'actions', elements: unique };
}

/** A message: blocks, and the plain text Slack shows in notifications and where blocks cannot be shown. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** A message of one short paragraph. `text` must already be escaped. */
export function note(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
