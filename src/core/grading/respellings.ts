/** Letters a keyboard lacks, as learners spell them instead. */

// The palatal nasal "ñ" as Catalan, Portuguese, French and Italian write it, or as "ni".
const RESPELLINGS: Readonly<Record<string, readonly string[]>> = { ñ: ['ny', 'nh', 'gn', 'ni'] };

/** The answer with a card's letter put back where it was spelt in other letters, or undefined. */
export function withLetterRespelt(typedAnswer: string, forms: readonly string[]): string | undefined {
  for (const [letter, spellings] of Object.entries(RESPELLINGS)) {
    const words = forms
      .flatMap((form) => form.toLowerCase().split(/\s+/))
      .filter((word) => word.includes(letter));
    for (const word of words) {
      for (const spelling of spellings) {
        const spelt = word.replaceAll(letter, spelling);
        const at = typedAnswer.toLowerCase().indexOf(spelt);
        if (at >= 0) return typedAnswer.slice(0, at) + word + typedAnswer.slice(at + spelt.length);
      }
    }
  }
  return undefined;
}

// "citta'" for "città": Italian typed without accented keys writes the accent as an apostrophe after the vowel.
export function withItalianAccents(typedAnswer: string, lang: string): string {
  if (lang !== 'it') return typedAnswer;
  return typedAnswer
    .replace(/([aeiou])['’](?!\p{L})/giu, (_, vowel: string) => `${vowel}\u0300`)
    .normalize('NFC');
}
