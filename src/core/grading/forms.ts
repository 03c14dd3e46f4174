import { withCenturyYears } from './dates.ts';
import { withStatusReason } from './http-status.ts';
import { withRegnalNumber } from './regnal.ts';
import { withValueStated } from './solutions.ts';

// "Horizontal Pod Autoscaler (HPA)" names the answer twice: either name alone is the answer too.
function withBracketsRead(form: string): string[] {
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(form);
  if (!bracketed?.[1] || !bracketed[2]) return [form];
  return [form, bracketed[1], bracketed[2]];
}

const UMLAUTS: readonly (readonly [string, string])[] = [
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['Ä', 'Ae'],
  ['Ö', 'Oe'],
  ['Ü', 'Ue'],
];

// "Mädchen" is written "Maedchen" where umlauts cannot be typed; in German, "Goethe" is also "Göthe". That
// spelling is German: elsewhere it serves names, likely German ("Zürich"), while Swedish, Finnish or Turkish "ä",
// "ö" and "ü" are letters of their own ("aeta" is no way to write "äta").
function withUmlautsSpelledOut(form: string, lang: string): string[] {
  if (lang !== 'de' && !/^\p{Lu}/u.test(form)) return [form];
  let spelled = form;
  for (const [umlaut, letters] of UMLAUTS) spelled = spelled.replaceAll(umlaut, letters);
  let marked = form;
  if (lang === 'de') for (const [umlaut, letters] of UMLAUTS) marked = marked.replaceAll(letters, umlaut);
  return [form, spelled, marked];
}

/**
 * Every text that counts as the card's answer: the answer, its aliases, and their equivalent forms.
 * `lang`: the card's primary language tag.
 */
export function cardForms(expected: string, accept: readonly string[], lang = 'en'): string[] {
  const forms = [expected, ...accept]
    .flatMap(withBracketsRead)
    .flatMap(withStatusReason)
    .flatMap(withRegnalNumber)
    .flatMap(withValueStated)
    .flatMap(withCenturyYears)
    .flatMap((form) => withUmlautsSpelledOut(form, lang))
    .map((form) => form.trim())
    .filter(Boolean);
  return [...new Set(forms)];
}
