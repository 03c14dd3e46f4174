import { normalise } from './normalise.ts';
import { type NumberToken, readQuantity, splitNumberWord } from './numbers.ts';
import { stem } from './stem.ts';

export interface WordToken {
  readonly kind: 'word';
  readonly text: string;
  readonly stem: string;
}

/** What joins the items of a list: "A, B", "A and B", "A/B", "A + B", "A; B". */
export interface SeparatorToken {
  readonly kind: 'separator';
  readonly text: string;
}

export type Token = WordToken | NumberToken | SeparatorToken;

const SEPARATORS = new Set([',', ';', '/', '+', 'and']);

/** Reads text as words, numbers with their units, and list separators. */
export function tokenise(text: string): Token[] {
  const words = normalise(text).split(' ').flatMap(splitNumberWord).filter(Boolean);
  const tokens: Token[] = [];
  let index = 0;
  while (index < words.length) {
    const quantity = readQuantity(words, index);
    if (quantity) {
      tokens.push(quantity.token);
      index = quantity.next;
      continue;
    }
    const word = words[index] ?? '';
    tokens.push(
      SEPARATORS.has(word)
        ? { kind: 'separator', text: word }
        : { kind: 'word', text: word, stem: stem(word) },
    );
    index += 1;
  }
  return tokens;
}

/** Everything but the separators, run together: "e-mail", "e mail" and "email" share one key. */
export function joinedKey(tokens: readonly Token[]): string {
  return tokens
    .filter((token) => token.kind !== 'separator')
    .map((token) => token.text)
    .join('');
}
