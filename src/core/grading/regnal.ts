// A valid Roman numeral, I to MMMCMXCIX, in capitals as a regnal number is written ("Charles V").
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1_000 };

/** The value of a Roman numeral ("XXIII" → 23, "xviii" → 18), or undefined when the text is not one. */
export function romanValue(numeral: string): number | undefined {
  const upper = numeral.toUpperCase();
  if (upper === '' || !ROMAN.test(upper)) return undefined;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = VALUES[upper.charAt(i)] ?? 0;
    const next = VALUES[upper.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

// A title before a ruler's name, whole or abbreviated: "D. Pedro", "King Charles", "Papa Giovanni".
const HONOURED = /^\p{Lu}\p{Ll}*\.?\s+(\p{Lu}\p{Ll}+)$/u;

/**
 * A ruler's or pope's name with its regnal number in Roman numerals, as people also write it: "Charles V"
 * is "Charles 5", "Charles 5th" and "Charles the Fifth" (read as "Charles the 5").
 */
export function withRegnalNumber(form: string): string[] {
  // A numeral alone ("MMXXIV") is its number too.
  const alone = /^[IVXLCDM]{2,}$/.test(form.trim()) ? romanValue(form.trim()) : undefined;
  if (alone !== undefined) return [form, String(alone)];
  const named = /^(.*\p{Lu}\p{Ll}+)\s+([IVXLCDM]+)(?:er|re)?$/u.exec(form.trim());
  const value = named?.[2] === undefined ? undefined : romanValue(named[2]);
  if (!named?.[1] || !named[2] || value === undefined) return [form];
  // The title may be left out: "Pedro I" for "D. Pedro I".
  const honoured = HONOURED.exec(named[1])?.[1];
  const names = [named[1], ...(honoured ? [honoured] : [])];
  return [
    form,
    ...names.flatMap((name) => [
      ...(name === named[1] ? [] : [`${name} ${named[2]}`]),
      `${name} ${value}`,
      `${name} the ${value}`,
      // French writes the first with its ordinal ending: "Napoléon Ier", "Napoléon 1er".
      ...(value === 1 ? [`${name} 1er`, `${name} 1re`] : []),
    ]),
  ];
}

const REGNAL = /^(.*\p{Lu}\p{Ll}+)\s+([IVXLCDM]+)$/u;

/**
 * On a ruler's card, a typed ruler's name with its regnal number in digits ("Pedro II" → "Pedro 2"): another
 * number is another ruler, never a slip of one letter. Else the answer as typed.
 */
export function regnalInDigits(answer: string, texts: readonly string[]): string {
  const named = REGNAL.exec(answer.trim());
  const value = named?.[2] === undefined ? undefined : romanValue(named[2]);
  if (!named?.[1] || value === undefined || !texts.some((text) => REGNAL.test(text.trim()))) return answer;
  return `${HONOURED.exec(named[1])?.[1] ?? named[1]} ${value}`;
}
