/** Bounds on what one import may hold: a file past them is refused before it costs memory. */
export const IMPORT_LIMITS = {
  /** One picture or sound. */
  mediaBytes: 8 * 1024 * 1024,
  /** Everything one import unpacks to. */
  totalBytes: 100 * 1024 * 1024,
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

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
