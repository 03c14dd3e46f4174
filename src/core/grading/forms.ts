import { withStatusReason } from './http-status.ts';

// "Horizontal Pod Autoscaler (HPA)" names the answer twice: either name alone is the answer too.
function withBracketsRead(form: string): string[] {
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(form);
  if (!bracketed?.[1] || !bracketed[2]) return [form];
  return [form, bracketed[1], bracketed[2]];
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const UMLAUT = /[äöüÄÖÜ]/g;

/**
 * German umlauts written as two letters, as a keyboard without them does ("Goethe", "gluecklich"); null when
 * the text has none. Only this direction: "oe" in "does" or "poem" is no umlaut.
 */
export function umlautsSpelledOut(text: string): string | null {
  const composed = text.normalize('NFC');
  return /[äöüÄÖÜ]/.test(composed) ? composed.replace(UMLAUT, (letter) => UMLAUTS[letter] ?? letter) : null;
}

/** Every text that counts as the card's answer: the answer, its aliases, and their equivalent forms. */
export function cardForms(expected: string, accept: readonly string[]): string[] {
  const forms = [expected, ...accept]
    .flatMap(withBracketsRead)
    .flatMap(withStatusReason)
    .flatMap((form) => [form, umlautsSpelledOut(form) ?? ''])
    .map((form) => form.trim())
    .filter(Boolean);
  return [...new Set(forms)];
}
