import type { DomainCard, DomainCase } from '../domains/domain-card.ts';

/** Writes the cards of one language's decks: `cardsIn('es')('geography', question, expected, cases)`. */
export function cardsIn(lang: string) {
  return (
    domain: string,
    question: string,
    expected: string,
    cases: readonly DomainCase[],
    accept?: readonly string[],
  ): DomainCard => ({ domain, lang, question, expected, ...(accept ? { accept } : {}), cases });
}
