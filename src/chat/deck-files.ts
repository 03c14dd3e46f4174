import type { ImportSummary } from '../core/deck/imported.ts';
import type { Person, Place } from '../core/people.ts';
import type { Action } from './action.ts';
import type { Message } from './messages.ts';
import { type Reply, replacing, whisper } from './reply.ts';

/** The file formats a deck is exported in (the names `/deck export format:` takes). */
export type DeckFileFormat = 'md' | 'csv' | 'apkg';
export const DECK_FILE_FORMATS: readonly DeckFileFormat[] = ['md', 'csv', 'apkg'];

/** Where an uploaded file is fetched from: a Discord attachment's URL, a Slack file's url_private. */
export interface DeckFileSource {
  url: string;
  /** The name the person gave the file: problems name it; the format is read from the content. */
  name: string;
  /** The size the platform announced, when it did: a file over the bound is refused before any download. */
  size: number | null;
  /** Sent with the download (Slack: the workspace's bot token); never logged. */
  headers?: Record<string, string>;
}

/** What a step of a long import is doing, for platforms that show progress. */
export type ImportStep = 'downloading' | 'reading';

export type ImportPreviewResult =
  /** Kept until `confirm` (or its expiry) under `importId`; nothing of the decks is stored yet. */
  | { ok: true; importId: string; fileName: string; decks: ImportSummary[]; notice: string }
  /** The file cannot be imported: every problem as `item: message`. */
  | { ok: false; problems: string[] };

export type ImportConfirmResult =
  | { ok: true; decks: ImportSummary[] }
  /** No such pending import for this person in this community (expired, cancelled, or someone else's). */
  | { ok: false; problems: null }
  | { ok: false; problems: string[] };

/** A deck as a file, ready to attach. */
export interface DeckFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

/** The port the deck-file flows use: import (preview, then confirm), export, and hiding everyone's decks. */
export interface DeckFilesPort {
  preview(
    place: Place,
    person: Person,
    source: DeckFileSource,
    deckId: string | null,
    onStep: (step: ImportStep) => Promise<void>,
  ): Promise<ImportPreviewResult>;
  confirm(place: Place, person: Person, importId: string): Promise<ImportConfirmResult>;
  cancel(place: Place, person: Person, importId: string): Promise<void>;
  /** The community's own deck, or an everyone's deck it sees, as a file; null: no such deck there. */
  export(place: Place, deckId: string, format: DeckFileFormat): Promise<DeckFile | null>;
  /** Hides (or shows) an everyone's deck in the community; false: no such everyone's deck. */
  setHidden(place: Place, deckId: string, hidden: boolean): Promise<boolean>;
}

/** What a community admin asks of its decks as files, from a command or a preview's buttons. */
export type DeckFileAction =
  | { kind: 'deckImport'; file: DeckFileSource; deckId: string | null }
  | { kind: 'deckExport'; deckId: string; format: DeckFileFormat }
  | { kind: 'deckVisibility'; deckId: string; hidden: boolean }
  | Extract<Action, { kind: 'confirmImport' | 'cancelImport' }>;

/** Who acts: the admin right is the platform's word, read on every request. */
export interface DeckFileActor {
  place: Place | null;
  person: Person;
  isAdmin: boolean;
}

/** The largest file a deck is exported as in chat (Discord's and Slack's upload limits are above it). */
export const EXPORT_FILE_LIMIT = 8 * 1024 * 1024; // bytes

/**
 * One flow per deck-file action, for a community's admins only (checked here, before anything is read or
 * stored). An import shows a preview with Confirm and Cancel; only Confirm stores the decks.
 */
export async function runDeckFiles(
  port: DeckFilesPort,
  action: DeckFileAction,
  actor: DeckFileActor,
  onStep: (step: ImportStep) => Promise<void> = async () => {},
): Promise<Reply> {
  const { place, person } = actor;
  const replace = action.kind === 'confirmImport' || action.kind === 'cancelImport';
  const say = (message: Message) => (replace ? replacing : whisper)({ kind: 'message', message });
  if (!place) return say({ code: 'NEEDS_PLACE' });
  if (!actor.isAdmin) return say({ code: 'DECK_ADMINS_ONLY' });
  switch (action.kind) {
    case 'deckImport': {
      const preview = await port.preview(place, person, action.file, action.deckId, onStep);
      if (!preview.ok) return say({ code: 'IMPORT_REFUSED', problems: preview.problems });
      const { importId } = preview;
      return whisper({ kind: 'message', message: { code: 'IMPORT_PREVIEW', ...preview } }, [
        {
          label: { key: 'button.confirmImport' },
          action: { kind: 'confirmImport', importId },
          style: 'success',
        },
        { label: { key: 'button.cancel' }, action: { kind: 'cancelImport', importId }, style: 'secondary' },
      ]);
    }
    case 'confirmImport': {
      const done = await port.confirm(place, person, action.importId);
      if (done.ok) return say({ code: 'IMPORTED', decks: done.decks });
      return say(
        done.problems === null
          ? { code: 'IMPORT_GONE' }
          : { code: 'IMPORT_REFUSED', problems: done.problems },
      );
    }
    case 'cancelImport':
      await port.cancel(place, person, action.importId);
      return say({ code: 'IMPORT_CANCELLED' });
    case 'deckExport': {
      const file = await port.export(place, action.deckId, action.format);
      if (!file) return say({ code: 'UNKNOWN_DECK', deckId: action.deckId });
      if (file.bytes.length > EXPORT_FILE_LIMIT)
        return say({ code: 'EXPORT_TOO_LARGE', deckId: action.deckId, bytes: file.bytes.length });
      const reply = say({ code: 'DECK_EXPORTED', deckId: action.deckId, fileName: file.name });
      const description = `Deck ${action.deckId} as ${action.format}`;
      return { ...reply, attachments: [{ ...file, description }] };
    }
    case 'deckVisibility': {
      const done = await port.setHidden(place, action.deckId, action.hidden);
      if (!done) return say({ code: 'NOT_A_BUNDLED_DECK', deckId: action.deckId });
      return say({ code: 'DECK_VISIBILITY', deckId: action.deckId, hidden: action.hidden });
    }
  }
}
