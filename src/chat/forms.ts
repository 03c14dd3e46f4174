import type { MessageKey } from './i18n/catalog.ts';
import type { Label } from './reply.ts';

/**
 * A form a person fills in (a platform's modal), described once: its words as catalog keys, its fields by id.
 * Each adapter renders it, and reads a submission back into `FormValues` by the same ids.
 */
export interface Form {
  /** Which form: the submission comes back with it. */
  id: 'answer' | 'settings' | 'deckImport';
  title: MessageKey;
  submit: MessageKey;
  close: MessageKey;
  /** Shown above the fields: a catalog text, or card text shown as it is (the question answered). */
  intro?: Label;
  fields: FormField[];
}

export type FormField = { id: string; label: MessageKey; hint?: MessageKey; optional?: boolean } & (
  | { kind: 'text'; initial?: string; maxLength: number; placeholder?: MessageKey; focus?: boolean }
  | { kind: 'number'; initial: number; min: number; max: number }
  /** On or off. */
  | { kind: 'switch'; initial: boolean }
  /** A local time, `HH:MM`. */
  | { kind: 'time'; initial: string }
  | { kind: 'file' }
);

/** A submitted form's values by field id: text as typed, a switch as `on`/`off`, a time as `HH:MM`. */
export type FormValues = Record<string, string | undefined>;

/** The longest typed answer a form accepts. */
export const ANSWER_LIMIT = 500; // characters

/** The form a typed answer is given in, below the question it answers. */
export function answerForm(question: string): Form {
  return {
    id: 'answer',
    title: 'answerForm.title',
    submit: 'answerForm.submit',
    close: 'answerForm.cancel',
    intro: question === '' ? { key: 'answerForm.empty' } : { text: question },
    fields: [
      {
        id: 'answer',
        kind: 'text',
        label: 'answerForm.label',
        maxLength: ANSWER_LIMIT,
        focus: true,
        placeholder: 'slack.answerPlaceholder',
      },
    ],
  };
}

/** An admin's deck file: one file, and the deck id for a file that names none. */
export const DECK_IMPORT_FORM: Form = {
  id: 'deckImport',
  title: 'deckImportForm.title',
  submit: 'deckImportForm.submit',
  close: 'deckImportForm.cancel',
  intro: { key: 'deckImportForm.intro' },
  fields: [
    { id: 'deck_file', kind: 'file', label: 'deckImportForm.file' },
    {
      id: 'deck_id',
      kind: 'text',
      label: 'deckImportForm.deck',
      hint: 'deckImportForm.deckHint',
      optional: true,
      maxLength: 50,
    },
  ],
};
