import { withStatusReason } from './http-status.ts';

// "Horizontal Pod Autoscaler (HPA)" names the answer twice: either name alone is the answer too.
function withBracketsRead(form: string): string[] {
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(form);
  if (!bracketed?.[1] || !bracketed[2]) return [form];
  return [form, bracketed[1], bracketed[2]];
}

/** Every text that counts as the card's answer: the answer, its aliases, and their equivalent forms. */
export function cardForms(expected: string, accept: readonly string[]): string[] {
  const forms = [expected, ...accept]
    .flatMap(withBracketsRead)
    .flatMap(withStatusReason)
    .map((form) => form.trim())
    .filter(Boolean);
  return [...new Set(forms)];
}
