/** The first control character of a line, if any: C0 (but tab and carriage return), DEL and C1. */
export function firstControlCharacter(line: string): number | null {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return code;
  }
  return null;
}

/** How a person reads a character code: `U+0000`. */
export const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
