import type { ImportedDeck } from '../core/deck/imported.ts';
import type { DeckOwner } from '../core/deck/owner.ts';
import { MnemoError } from '../core/errors.ts';
import type { Database } from '../db/client.ts';
import { type ImportOutcome, type ImportSummary, importDeck } from '../db/deck-import.ts';
import {
  detectFormat,
  type ImportFormat,
  type ImportInput,
  type ImportReadOptions,
  readImport,
} from './read.ts';

/** Said in every preview: an import brings cards, never anyone's memory of them. */
export const SCHEDULING_NOTICE =
  "Scheduling data in the file (review log, intervals) is ignored: each person's memory is their own.";

export interface ImportRequest extends ImportReadOptions {
  owner: DeckOwner;
  allowRetire?: boolean;
}

/** What a person confirms: per deck what would change, and the decks read, kept for `confirmImport`. */
export type ImportPreview =
  | {
      ok: true;
      format: ImportFormat;
      decks: ImportSummary[];
      notice: string;
      imported: ImportedDeck[];
    }
  /** The file cannot be imported: every problem as `item: message`; nothing was stored. */
  | { ok: false; problems: string[] };

/**
 * Reads a file and works out what importing it would do, writing nothing: the first step of a chat flow
 * (`/deck import`) and of `mnemo cards import --dry-run`.
 */
export async function previewImport(
  db: Database,
  input: ImportInput,
  request: ImportRequest,
): Promise<ImportPreview> {
  return readAndImport(db, input, request, true);
}

/**
 * Reads a file and stores it, once: a confirmed chat import (read again from its kept bytes) and
 * `mnemo cards import`. The outcome's refusals (retire limit, a deck not this owner's) come back as problems,
 * with nothing stored, as a preview would have said.
 */
export async function importFile(
  db: Database,
  input: ImportInput,
  request: ImportRequest,
): Promise<ImportPreview> {
  return readAndImport(db, input, request, false);
}

async function readAndImport(
  db: Database,
  input: ImportInput,
  request: ImportRequest,
  dryRun: boolean,
): Promise<ImportPreview> {
  try {
    const format = detectFormat(input);
    const imported = await readImport(input, request);
    const outcome = await importDeck(db, imported, { ...request, dryRun });
    if (!outcome.ok) return { ok: false, problems: [outcome.message] };
    return { ok: true, format, decks: outcome.decks, notice: SCHEDULING_NOTICE, imported };
  } catch (error) {
    if (error instanceof MnemoError && error.code === 'DECK_INVALID')
      return { ok: false, problems: error.message.split('\n') };
    throw error;
  }
}

/** Stores what a preview read, once the person confirmed it. */
export function confirmImport(
  db: Database,
  preview: Extract<ImportPreview, { ok: true }>,
  request: ImportRequest,
): Promise<ImportOutcome> {
  return importDeck(db, preview.imported, { ...request, dryRun: false });
}
