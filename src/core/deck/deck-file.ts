import type { ImportedMedia } from './imported.ts';
import type { ParsedDeck } from './parse.ts';

/** One deck file as read. */
export interface DeckFile {
  /** Where a person finds it: relative to the working folder when inside it. */
  path: string;
  /**
   * What identifies it: its path inside the folder read, with "/". The same whatever the working folder and
   * however the folder was spelled, so a stored deck is recognised from any replica or shell.
   */
  source: string;
  parsed: ParsedDeck;
  /** The pictures and sound its cards use (`![alt](media/x.png)`, relative to the file), read and checked. */
  media?: ImportedMedia[];
}
