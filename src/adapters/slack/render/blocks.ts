import type { types } from '@slack/bolt';

/** Escapes Slack's three control characters, so card and user text can never form a mention or a link. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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

/**
 * Escaped mrkdwn of any length as section blocks, each within Slack's limit: cut at a space where there is
 * one in the second half of a piece, and never inside an entity such as `&amp;`.
 */
export function sections(text: string): types.SectionBlock[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > LIMITS.sectionText) {
    let cut = rest.lastIndexOf(' ', LIMITS.sectionText);
    if (cut < LIMITS.sectionText / 2) {
      cut = LIMITS.sectionText;
      const entity = rest.lastIndexOf('&', cut);
      if (entity > cut - 6 && !rest.slice(entity, cut).includes(';')) cut = entity;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces.map(section);
}

export function context(text: string): types.ContextBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.contextText), verbatim: true }],
  };
}

/** Plain text, escaped, within `max` characters once escaped. */
export function plain(text: string, max: number = LIMITS.sectionText): types.PlainTextElement {
  let fitted = clip(text, max);
  while (escapeText(fitted).length > max) fitted = clip(fitted, fitted.length - 1);
  return { type: 'plain_text', text: escapeText(fitted), emoji: true };
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

export function actions(elements: types.Button[]): types.ActionsBlock {
  return { type: 'actions', elements };
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
