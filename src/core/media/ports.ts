/** Stored files (pictures of formulas, imported images and sounds), keyed by the SHA-256 of their bytes. */
export interface MediaStore {
  /** Stores the bytes (once: the same bytes give the same hash) and returns their hash. */
  putMedia(bytes: Uint8Array, mime: string): Promise<string>;
  getMedia(hash: string): Promise<{ bytes: Uint8Array; mime: string } | null>;
}
