import type {
  DeckFile,
  DeckFileFormat,
  DeckFileSource,
  DeckFilesPort,
  ImportConfirmResult,
  ImportPreviewResult,
  ImportStep,
} from '../chat/deck-files.ts';
import type { Clock } from '../core/clock.ts';
import { localId, ownedKey } from '../core/deck/owner.ts';
import type { Person, Place } from '../core/people.ts';
import type { Database } from '../db/client.ts';
import type { PgCommunityStore } from '../db/community-store.ts';
import type { PgPendingImportStore } from '../db/pending-import-store.ts';
import { type Downloaded, downloadFile } from './download.ts';
import { exportDeck, loadDeck, loadDeckMedia } from './export.ts';
import { importFile, previewImport } from './service.ts';

/** How long a preview waits for its confirmation. */
export const PENDING_IMPORT_TTL = 30 * 60_000; // ms

const FILE_NAME_LIMIT = 120; // characters

const MIME: Record<DeckFileFormat, string> = {
  md: 'text/markdown',
  csv: 'text/csv', // Anki's text export layout: tab-separated, with its header lines
  apkg: 'application/octet-stream',
};

export interface DeckFilesOptions {
  db: Database;
  pending: PgPendingImportStore;
  community: Pick<PgCommunityStore, 'setDeckHidden'>;
  clock: Clock;
  newId: () => string;
  /** Tests: a smaller or faster bound. */
  download?: (source: DeckFileSource) => Promise<Downloaded>;
}

/**
 * The chat's deck files over the import service: a file is downloaded and previewed, kept in
 * `pending_imports` (bytes in PostgreSQL, in 1 MB parts, so a confirmation reaching another replica finds
 * them; a Discord attachment URL is too long for a button and expires), then read and stored once on
 * confirmation.
 */
export class DeckFiles implements DeckFilesPort {
  readonly #options: DeckFilesOptions;

  constructor(options: DeckFilesOptions) {
    this.#options = options;
  }

  async preview(
    place: Place,
    person: Person,
    source: DeckFileSource,
    deckId: string | null,
    onStep: (step: ImportStep) => Promise<void>,
  ): Promise<ImportPreviewResult> {
    const { db, pending, clock, newId } = this.#options;
    const fileName = fileNameOf(source.name);
    await onStep('downloading');
    const downloaded = await (this.#options.download ?? downloadFile)(source);
    if (!downloaded.ok) return { ok: false, problems: [`${fileName}: ${downloaded.problem}`] };
    await onStep('reading');
    const request = { owner: place.tenantId, ...(deckId === null ? {} : { deckId }) };
    const preview = await previewImport(db, { bytes: downloaded.bytes, path: fileName }, request);
    if (!preview.ok) return preview;
    const now = clock.now();
    const id = newId();
    await pending.put(
      {
        id,
        tenantId: place.tenantId,
        userKey: userKeyOf(person),
        fileName,
        deckId,
        bytes: downloaded.bytes,
        expiresAt: new Date(now.getTime() + PENDING_IMPORT_TTL),
      },
      now,
    );
    return { ok: true, importId: id, fileName, decks: preview.decks, notice: preview.notice };
  }

  async confirm(place: Place, person: Person, importId: string): Promise<ImportConfirmResult> {
    const { db, pending, clock } = this.#options;
    const owner = { tenantId: place.tenantId, userKey: userKeyOf(person) };
    const file = await pending.take(importId, owner, clock.now());
    if (!file) return { ok: false, problems: null };
    // Read again from the kept bytes: the same file gives the same decks, and nothing parsed is kept between.
    const request = { owner: place.tenantId, ...(file.deckId === null ? {} : { deckId: file.deckId }) };
    const stored = await importFile(db, { bytes: file.bytes, path: file.fileName }, request);
    return stored.ok ? { ok: true, decks: stored.decks } : stored;
  }

  async cancel(place: Place, person: Person, importId: string): Promise<void> {
    const owner = { tenantId: place.tenantId, userKey: userKeyOf(person) };
    await this.#options.pending.take(importId, owner, this.#options.clock.now());
  }

  async export(place: Place, deckId: string, format: DeckFileFormat): Promise<DeckFile | null> {
    const { db, clock } = this.#options;
    const found = await this.#ownDeckOrEveryones(place.tenantId, deckId);
    if (!found) return null;
    const media = format === 'apkg' ? await loadDeckMedia(db, found.owner, found.deck.id) : [];
    const bytes = await exportDeck(found.deck, format, { media, now: clock.now().getTime() });
    return { name: `${found.deck.id}.${format}`, bytes, mime: MIME[format] };
  }

  setHidden(place: Place, deckId: string, hidden: boolean): Promise<boolean> {
    return this.#options.community.setDeckHidden(place.tenantId, deckId, hidden);
  }

  /** A deck id as the community's lists show it (its own decks with their tag), or as its file names it. */
  async #ownDeckOrEveryones(tenantId: string, deckId: string) {
    const { db } = this.#options;
    const local = localId(deckId);
    const own = ownedKey(tenantId, local) === deckId ? local : deckId;
    const mine = await loadDeck(db, tenantId, own);
    if (mine) return { owner: tenantId, deck: mine };
    if (local !== deckId) return null;
    const everyones = await loadDeck(db, null, deckId);
    return everyones ? { owner: null, deck: everyones } : null;
  }
}

function userKeyOf(person: Person): string {
  return `${person.platform}:${person.externalId}`;
}

/** The name a person gave the file, without folders or control characters, within bounds. */
function fileNameOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, FILE_NAME_LIMIT) || 'upload';
}
