import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from 'pino';
import { formatIssue } from '../core/deck/card.ts';
import type { Database } from '../db/client.ts';
import { loadDeckLanguages } from './languages.ts';
import { loadCardsFolder } from './load.ts';

export interface DeckWatcher {
  /** Stops watching and waits for a reload already running. */
  stop(): Promise<void>;
}

export interface DeckWatchOptions {
  db: Database;
  cardsDir: string;
  log: Logger;
  /** An editor saves in several writes, a `git pull` touches many files: one reload after they settle. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE = 1_000; // ms

/**
 * Reloads the decks when anything under the card folder changes, with the safety of `mnemo cards sync`: a
 * folder that cannot be read, or a reload that would retire more than half of the cards, changes nothing.
 * Reloads run one at a time; on PostgreSQL replicas take turns under the sync's advisory lock.
 */
export function watchCardsFolder({
  db,
  cardsDir,
  log,
  debounceMs = DEFAULT_DEBOUNCE,
}: DeckWatchOptions): DeckWatcher {
  let timer: NodeJS.Timeout | null = null;
  let reloading: Promise<void> = Promise.resolve();
  const reload = async () => {
    const load = await loadCardsFolder(db, cardsDir, { allowRetire: false });
    if (!load.ok && load.code === 'unread') {
      log.error(
        { errors: load.unread.map(formatIssue), cardsDir },
        'deck reload: the card folder cannot be read; nothing changed',
      );
      return;
    }
    if (load.set.issues.length > 0)
      log.warn(
        { errors: load.set.issues.map(formatIssue) },
        'deck reload: decks with errors were not loaded',
      );
    if (!load.ok) {
      log.warn(
        { retiring: load.retiring, live: load.live, cardsDir },
        'deck reload refused: it would retire more than half of the cards; nothing changed (run "mnemo cards sync --allow-retire" if intended)',
      );
      return;
    }
    log.info({ ...load.report, decks: load.set.decks.length }, 'decks reloaded');
    await loadDeckLanguages(db);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      reloading = reloading
        .then(reload)
        .catch((error: unknown) => log.error({ err: error }, 'deck reload failed; nothing changed'));
    }, debounceMs);
  };

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(cardsDir, { recursive: true }, schedule);
    watcher.on('error', (error) => log.error({ err: error, cardsDir }, 'watching the card folder stopped'));
    log.info({ cardsDir }, 'watching the card folder for deck changes');
  } catch (error) {
    log.warn({ err: error, cardsDir }, 'cannot watch the card folder: decks load at start only');
  }
  return {
    async stop() {
      watcher?.close();
      if (timer) clearTimeout(timer);
      await reloading;
    },
  };
}
