/**
 * What a person may type, and how much of it Mnemo keeps. Every adapter cleans every text a person sends
 * with `cleanText` before it reaches core: a NUL byte cannot be stored in PostgreSQL, and a megabyte answer
 * must not be graded or stored whole.
 */
export const TEXT_LIMITS = {
  /** A typed answer: graded and stored up to here, the rest dropped. */
  answer: 2_000, // characters
  /** A deck id in a command (deck files use short ids). */
  deckId: 64, // characters
  /** An IANA time zone name (the longest is 32). */
  timeZone: 64, // characters
  /** A time of day, HH:MM. */
  localTime: 16, // characters
  /** Any other option or command text, and the text typed into an autocomplete field. */
  option: 100, // characters
  /** A whole Slack command line (`/mnemo daily set #general 09:00 Europe/Berlin deck`). */
  commandLine: 500, // characters
} as const;

// C0 controls but tab and line feed, DEL, C1 controls, the noncharacters U+FFFE/U+FFFF, and surrogates
// without their other half (they cannot be encoded as UTF-8).
const UNWANTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` without control characters (a tab and a line break stay; `\r\n` and `\r` become `\n`), cut to
 * `maxLength` UTF-16 units without splitting a character. Linear in the text's length.
 */
export function cleanText(text: string, maxLength: number): string {
  return head(text.replace(/\r\n?/g, '\n').replace(UNWANTED, ''), maxLength);
}

/** The first `length` UTF-16 units of `text`, one fewer rather than half of a surrogate pair. */
export function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

export type LengthCheck =
  | { ok: true; text: string }
  | { ok: false; code: 'TOO_LONG'; what: string; max: number };

/** A cleaned and trimmed value, or why it is refused: a value cut short would silently mean another thing. */
export function checkLength(text: string, what: string, max: number): LengthCheck {
  const cleaned = cleanText(text, text.length).trim();
  return cleaned.length > max ? { ok: false, code: 'TOO_LONG', what, max } : { ok: true, text: cleaned };
}

/** "deck id too long (max 64 characters)". */
export function tooLongText(refusal: Extract<LengthCheck, { ok: false }>): string {
  return `${refusal.what} too long (max ${refusal.max} characters)`;
}
