import type { Database } from '../db/client.ts';
import { storedLanguages } from '../db/deck-languages.ts';
import { loadLanguages } from '../languages/load.ts';

/** Loads the grading data of every language the stored decks use, and only those (each once). */
export async function loadDeckLanguages(db: Database): Promise<void> {
  await loadLanguages(await storedLanguages(db));
}
