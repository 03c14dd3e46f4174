/** A stored file: its bytes and media type. */
export interface StoredFile {
  bytes: Uint8Array;
  mime: string;
}

/** Stored files (pictures of formulas, imported images and sounds), keyed by the SHA-256 of their bytes. */
export interface MediaStore {
  /**
   * Stores the bytes (once: the same bytes give the same hash) and returns their hash. `source` names what
   * Mnemo made them from (a formula's key), so `rendered` finds them again without making them.
   */
  putMedia(bytes: Uint8Array, mime: string, source?: string): Promise<string>;
  getMedia(hash: string): Promise<StoredFile | null>;
  /** The file made from `source` (see putMedia), with its hash; null when none was made yet. */
  rendered(source: string): Promise<(StoredFile & { hash: string }) | null>;
}

/** The files a deck's cards refer to by name (`![alt](media/flag.png)`, `[sound:x.mp3]`). */
export interface DeckFiles {
  /** The stored files of these names in the deck (its stored id); a name not stored is left out. */
  deckFiles(deckId: string, names: readonly string[]): Promise<Map<string, StoredFile>>;
}
