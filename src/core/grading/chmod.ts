const WHO: Readonly<Record<string, readonly number[]>> = { u: [0], g: [1], o: [2], a: [0, 1, 2] };
const PERMISSION: Readonly<Record<string, number>> = { r: 4, w: 2, x: 1 };

// "u=rwx,go=rx" or "a+x", counted from no permission at all, as a mode written out in full is meant.
function symbolicMode(text: string): string | undefined {
  const digits = [0, 0, 0];
  for (const clause of text.split(',')) {
    const parsed = /^([ugoa]*)([=+])([rwx]*)$/.exec(clause);
    if (!parsed) return undefined;
    const bits = [...(parsed[3] ?? '')].reduce((sum, letter) => sum | (PERMISSION[letter] ?? 0), 0);
    // No "who" is everyone, as for "a".
    const targets = new Set([...(parsed[1] || 'a')].flatMap((letter) => WHO[letter] ?? []));
    for (const who of targets) digits[who] = parsed[2] === '=' ? bits : (digits[who] ?? 0) | bits;
  }
  return digits.join('');
}

/** The octal mode a `chmod` command line sets ("chmod 755", "chmod 0755", "chmod u=rwx,go=rx"), if it is one. */
function chmodMode(text: string): { mode: string; rest: string } | undefined {
  const parsed = /^\s*chmod\s+(\S+)(.*)$/i.exec(text);
  if (!parsed?.[1]) return undefined;
  const written = parsed[1].toLowerCase();
  const octal = /^0?([0-7]{3})$/.exec(written)?.[1];
  const mode = octal ?? symbolicMode(written);
  return mode === undefined ? undefined : { mode, rest: (parsed[2] ?? '').trim() };
}

// A mode alone: "755" as a card's answer, "u=rwx,go=rx" as a typed one.
function bareMode(text: string, octalOnly: boolean): { mode: string; rest: string } | undefined {
  const written = text.trim().toLowerCase();
  const octal = /^0?([0-7]{3})$/.exec(written)?.[1];
  const mode = octal ?? (octalOnly || !/[=+]/.test(written) ? undefined : symbolicMode(written));
  return mode === undefined ? undefined : { mode, rest: '' };
}

/**
 * True when both are `chmod` setting the same mode, in octal or symbolic form, on the same files, or
 * when the card's answer is an octal mode and the typed one writes the same mode out ("u=rwx,go=rx" for "755").
 */
export function isSameChmod(answer: string, expected: string): boolean {
  const want = chmodMode(expected) ?? bareMode(expected, true);
  const typed = want && (chmodMode(answer) ?? bareMode(answer, false));
  return typed !== undefined && want !== undefined && typed.mode === want.mode && typed.rest === want.rest;
}
