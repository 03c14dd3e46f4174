/**
 * Bounds on what one import may hold: a file past them is refused before it costs memory. Two sizes, of two
 * things: `chatFileBytes` is the file as uploaded in chat, compressed when it is an .apkg, .colpkg or zip;
 * `totalBytes` is everything one import unpacks to (a CSV or Markdown file is its own unpacked size), and
 * the largest file the command line reads. So a 25 MB package may unpack to 100 MB; a larger file is
 * imported with `mnemo cards import`.
 */
export const IMPORT_LIMITS = {
  /** One picture or sound. */
  mediaBytes: 8 * 1024 * 1024,
  /** Everything one import unpacks to. */
  totalBytes: 100 * 1024 * 1024,
  /**
   * A file uploaded in chat, as uploaded: Discord's upload limit without boosts; the bot downloads it,
   * keeps it until the confirmation and reads it twice, so it stays well under what it unpacks to.
   */
  chatFileBytes: 25 * 1024 * 1024,
  notes: 50_000,
  /** Files in one archive. */
  entries: 100_000,
  /** One field of one note, as HTML. */
  fieldCharacters: 100_000,
  /** Cards from one cloze note. */
  clozesPerNote: 100,
  /** Text rendered from templates over the whole import: each card renders its note's fields again. */
  renderedCharacters: 200_000_000,
  /** Nested sub-decks (CrowdAnki `children`) and nested template sections. */
  depth: 32,
} as const;

/** `25 MB`, `12.5 MB`, `8 KB`: the limits as the README and the problems name them. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
