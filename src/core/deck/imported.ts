import type { Deck } from './card.ts';

/**
 * What every importer (Anki .apkg/.colpkg, CrowdAnki, CSV/TSV, Mnemo Markdown) hands to storage: decks in the
 * same model a `cards/` Markdown deck parses to, plus the media the cards refer to and what was left out.
 *
 * Card text refers to media by file name: pictures as Markdown images `![alt](name.png)`, sound as `[sound:name.mp3]`.
 */
export interface ImportedMedia {
  /** The file name the cards use. */
  name: string;
  /** The content; an importer may read it from its package each time it is asked: take it once per use. */
  readonly bytes: Uint8Array;
}

/** Something of the source that did not become a card, or became one in a reduced form. */
export interface SkippedItem {
  /** Where, as a person finds it: `note 1502…` , `line 12`, `deck.json notes[3]`. */
  item: string;
  reason: string;
}

export interface ImportedDeck {
  deck: Deck;
  /** Notes (Anki) or rows (CSV) read for this deck; one note may give several cards. */
  notes: number;
  media: ImportedMedia[];
  /** Media names that cards refer to but the package does not hold. */
  missingMedia: string[];
  skipped: SkippedItem[];
  /** Of `deck.cards`, how many came from Anki cloze notes (imported as self-graded until Mnemo has cloze cards). */
  clozeCards?: number;
}

/** What one deck's import did (or, dry, would do): the shape `mnemo cards import --json` prints. */
export interface ImportSummary {
  deck: { id: string; title: string };
  notes: number;
  cards: { added: number; updated: number; unchanged: number; retired: number };
  kinds: Record<'typed' | 'choice' | 'self' | 'cloze', number>;
  media: { stored: number; missing: number };
  skipped: SkippedItem[];
}
