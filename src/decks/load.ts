import type { DeckIssue } from '../core/deck/card.ts';
import type { Database } from '../db/client.ts';
import { type SyncOptions, type SyncOutcome, syncDeckFiles } from '../db/deck-sync.ts';
import { readDeckFolder } from './read.ts';

/** A sync of the card folder, or why it did not run: a folder not read whole touches nothing. */
export type DeckLoad = SyncOutcome | { ok: false; code: 'unread'; unread: DeckIssue[] };

/** Reads the card folder and syncs it: what `mnemo cards sync`, start-up and a live reload all do. */
export async function loadCardsFolder(
  db: Database,
  cardsDir: string,
  options: SyncOptions,
): Promise<DeckLoad> {
  const folder = await readDeckFolder([cardsDir]);
  if (folder.unread.length > 0) return { ok: false, code: 'unread', unread: folder.unread };
  return syncDeckFiles(db, folder.files, options);
}
