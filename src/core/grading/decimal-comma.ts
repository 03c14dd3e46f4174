import { primaryTag } from './language.ts';

// Languages that write "1,5" for one and a half and "6.961" for six thousand nine hundred and sixty-one.
const COMMA_DECIMAL = new Set(
  'de es fr it pt nl ru pl cs sk sv da nb nn no fi tr ro hu uk el bg hr sl sr id'.split(' '),
);

/**
 * Numbers of a deck in a decimal-comma language rewritten as the grader reads them: "1,602 × 10^-19" is
 * 1.602 × 10^-19 and "6.961 m" is 6961 m in German or Spanish. A dot before a power of ten stays a decimal point.
 */
export function withDecimalPoints(text: string, lang: string | undefined): string {
  if (!COMMA_DECIMAL.has(primaryTag(lang))) return text;
  return text
    .replace(/(\d)\.(?=\d{3}(?!\d)(?!\s*(?:e[-+]?\d|[x×*·]\s*10)))/g, '$1')
    .replace(/(\d),(?=\d)/g, '$1.');
}
