import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';

// An article before a place's name ("the Himalayas", "the UK") is not part of what WordNet files it under.
const LEADING_ARTICLE = /^(?:the|a|an) /;

function placeKey(place: string): string {
  return normalise(place).replace(LEADING_ARTICLE, '');
}

function kindsOf(terms: readonly string[], kit: LanguageKit | undefined): ReadonlySet<string> {
  return new Set(terms.flatMap((term) => kit?.kinds?.(term) ?? []).map(normalise));
}

/** True when the place is among what holds one of the card's answers: "Nepal" for "Mount Everest". */
export function holdsAnswer(place: string, forms: readonly string[], kit: LanguageKit | undefined): boolean {
  return kindsOf(forms, kit).has(placeKey(place));
}

/**
 * True when the place is known and is not what holds the answer, though it is a place of the same kind as one
 * that does: "South America" for the Nile, held by Africa, as both are continents. A place the grader does not
 * know, or an answer it knows no place of, is never contradicted.
 */
export function placedElsewhere(
  place: string,
  forms: readonly string[],
  kit: LanguageKit | undefined,
): boolean {
  const holders = kindsOf(forms, kit);
  const key = placeKey(place);
  if (holders.size === 0 || holders.has(key)) return false;
  const kinds = kindsOf([place], kit);
  if (kinds.size === 0) return false;
  for (const holder of holders) {
    for (const kind of kindsOf([holder], kit)) if (kinds.has(kind) && !holders.has(kind)) return true;
  }
  return false;
}
