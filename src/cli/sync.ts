import type { Logger } from 'pino';
import { formatIssue } from '../core/deck/card.ts';
import type { Database } from '../db/client.ts';
import type { SyncOptions } from '../db/deck-sync.ts';
import { loadCardsFolder } from '../decks/load.ts';
import { countLine, syncLine } from './cards.ts';
import { type CommandIo, print } from './io.ts';

/** `mnemo cards sync` (and the sync before `start`): deck errors as `path:line: message`, then what changed. */
export async function syncCommand(
  db: Database,
  cardsDir: string,
  options: SyncOptions,
  io: CommandIo,
  log: Logger,
): Promise<number> {
  const load = await loadCardsFolder(db, cardsDir, options);
  if (!load.ok && load.code === 'unread') {
    for (const issue of load.unread) print(io.stderr, formatIssue(issue));
    print(io.stderr, `mnemo: cannot read the decks in CARDS_DIR=${cardsDir}; nothing stored was touched.`);
    return 1;
  }
  const { issues } = load.set;
  for (const issue of issues) print(io.stderr, formatIssue(issue));
  if (!load.ok) {
    log.warn(
      { retiring: load.retiring, live: load.live, cardsDir },
      'deck sync refused: it would retire too many',
    );
    print(
      io.stderr,
      `mnemo: this sync would retire ${load.retiring} of the ${load.live} stored cards, more than half: ` +
        'nothing was changed. Check CARDS_DIR, or run "mnemo cards sync --allow-retire" if that is intended.',
    );
    return 1;
  }
  if (issues.length > 0) {
    print(
      io.stderr,
      `mnemo: ${issues.length} deck error${issues.length === 1 ? '' : 's'}; those decks were not loaded, and nothing stored from them was touched.`,
    );
  }
  log.info({ ...load.report, decks: load.set.decks.length }, 'decks synced');
  print(io.stderr, `${countLine(load.set)}: ${syncLine(load.report)}`);
  return issues.length > 0 ? 1 : 0;
}
