/** What a handler answers, before it becomes a Discord payload (see render.ts). */

import type { Attachment } from '../../chat/reply.ts';

export type ButtonStyleName = 'primary' | 'secondary' | 'success' | 'danger';

export interface Button {
  label: string;
  customId: string;
  style: ButtonStyleName;
  disabled?: boolean;
}

/** One row of up to five buttons. */
export type ButtonRow = Button[];

export interface MessageReply {
  kind: 'message';
  /** Markdown; every piece of card or user text in it is already escaped. */
  text: string;
  rows: ButtonRow[];
  /** Seen by the person who clicked or typed only. */
  ephemeral: boolean;
  /** Replaces the message the button was on, instead of sending a new one. */
  update: boolean;
  /** Sent after the reply as further messages, each within the limit: the rest of a long text. */
  followUps: string[];
  /** Sent with the reply (the first answer gets them by an edit: see Exchange). */
  files?: Attachment[];
}

export interface ModalReply {
  kind: 'modal';
  customId: string;
  title: string;
  /** Shown above the field: the question, already escaped. */
  prompt: string;
  label: string;
  maxLength: number;
}

export interface ChoicesReply {
  kind: 'choices';
  choices: { name: string; value: string }[];
}

export type Reply = MessageReply | ModalReply | ChoicesReply;

/** A new message only the person sees. */
export function whisper(text: string, rows: ButtonRow[] = [], followUps: string[] = []): MessageReply {
  return { kind: 'message', text, rows, ephemeral: true, update: false, followUps };
}

/** Buttons laid out in rows of at most `perRow` (Discord allows five). */
export function rowsOf(buttons: Button[], perRow = 5): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}
