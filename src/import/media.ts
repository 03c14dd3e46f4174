import { firstControlCharacter } from '../core/deck/characters.ts';

/** Media kinds Mnemo shows, recognised by their first bytes, never by their names. */
export type MediaType = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'mp3' | 'ogg' | 'wav' | 'm4a';

const startsWith = (bytes: Uint8Array, at: number, signature: string): boolean => {
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature.charCodeAt(i)) return false;
  return true;
};

export function sniffMedia(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'webp';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WAVE')) return 'wav';
  if (startsWith(bytes, 0, 'OggS')) return 'ogg';
  if (startsWith(bytes, 4, 'ftyp')) return 'm4a';
  if (startsWith(bytes, 0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  if (isSvg(bytes)) return 'svg';
  return null;
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '');
  // An SVG is XML text: an optional declaration, comments or doctype, then the <svg> element.
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

/** Why a media name cannot be stored as it is, or null: names are plain file names. */
export function badMediaName(name: string): string | null {
  if (name === '' || name.length > 255) return 'the file name is empty or longer than 255 characters';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name))
    return 'a picture or sound on the web is not stored: only files in the package are';
  if (/[/\\]|^\.\.?$/.test(name)) return 'the file name holds a path: media names are plain file names';
  if (firstControlCharacter(name) !== null || /[\t\r]/.test(name))
    return 'the file name holds control characters';
  return null;
}
