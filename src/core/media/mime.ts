/** The media types Mnemo stores, recognised by their first bytes, never by a file name. */
export type MediaMime =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/svg+xml'
  | 'audio/mpeg'
  | 'audio/ogg'
  | 'audio/wav'
  | 'audio/mp4';

/** One file's limit. */
export const MAX_MEDIA_BYTES = 8 * 1024 * 1024; // bytes

const startsWith = (bytes: Uint8Array, at: number, ascii: string): boolean =>
  bytes.length >= at + ascii.length && [...ascii].every((char, i) => bytes[at + i] === char.charCodeAt(0));

/** The type the bytes are, or null when they are none Mnemo stores. */
export function sniffMime(bytes: Uint8Array): MediaMime | null {
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'image/webp';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WAVE')) return 'audio/wav';
  if (startsWith(bytes, 0, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, 0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0))
    return 'audio/mpeg';
  if (startsWith(bytes, 4, 'ftyp')) return 'audio/mp4';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return null;
}

/** Why these bytes cannot be stored as media, or null when they can. */
export function mediaProblem(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_MEDIA_BYTES) return `${bytes.length} bytes, more than the 8 MB a file may have`;
  if (bytes.length === 0) return 'empty file';
  return sniffMime(bytes)
    ? null
    : 'not a png, jpeg, gif, webp or svg picture, nor mp3, ogg, wav or m4a sound';
}
