import { type GraderVerdict, grade } from '../../../src/core/grading/grade.ts';
import type { DomainCard } from './domain-card.ts';

export interface Miss {
  readonly card: DomainCard;
  readonly answer: string;
  readonly label: GraderVerdict;
  readonly kind: string;
  readonly verdict: GraderVerdict;
}

export interface Measurement {
  readonly answers: number;
  readonly agreement: number;
  readonly falseAcceptRate: number;
  /** Share of the teacher-accepted synonyms (kind `synonym`, label correct) the grader accepts. */
  readonly synonymsAccepted: number;
  readonly misses: readonly Miss[];
  /** Misses counted by the case's kind. */
  readonly missesByKind: ReadonlyMap<string, number>;
}

/** Grades every answer as the app would: the deck is the cards of one domain and language. */
export function measure(cards: readonly DomainCard[], deckCards: readonly DomainCard[] = cards): Measurement {
  const decks = new Map<string, string[]>();
  for (const card of deckCards) {
    const key = `${card.domain}/${card.lang}`;
    decks.set(key, [...(decks.get(key) ?? []), card.expected]);
  }
  let agreed = 0;
  let wrongs = 0;
  let falseAccepts = 0;
  let synonyms = 0;
  let synonymsAccepted = 0;
  const misses: Miss[] = [];
  for (const card of cards) {
    const vocabulary = decks.get(`${card.domain}/${card.lang}`) ?? [card.expected];
    for (const [answer, label, kind] of card.cases) {
      const { verdict } = grade({
        expected: card.expected,
        ...(card.accept ? { accept: card.accept } : {}),
        answer,
        vocabulary,
        question: card.question,
        lang: card.lang,
      });
      if (verdict === label) agreed++;
      else misses.push({ card, answer, label, kind, verdict });
      if (label === 'wrong') {
        wrongs++;
        if (verdict !== 'wrong') falseAccepts++;
      }
      if (kind === 'synonym' && label === 'correct') {
        synonyms++;
        if (verdict === 'correct') synonymsAccepted++;
      }
    }
  }
  const answers = cards.reduce((sum, card) => sum + card.cases.length, 0);
  const missesByKind = new Map<string, number>();
  for (const miss of misses) missesByKind.set(miss.kind, (missesByKind.get(miss.kind) ?? 0) + 1);
  return {
    answers,
    agreement: agreed / answers,
    falseAcceptRate: falseAccepts / wrongs,
    synonymsAccepted: synonyms === 0 ? 1 : synonymsAccepted / synonyms,
    misses,
    missesByKind: new Map([...missesByKind].sort((a, b) => b[1] - a[1])),
  };
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** One line of totals, then misses by kind. */
export function summary(result: Measurement): string {
  const kinds = [...result.missesByKind].map(([kind, count]) => `${kind} ${count}`).join(', ');
  return (
    `${result.answers} answers: agreement ${percent(result.agreement)}, false accepts ${percent(result.falseAcceptRate)}, ` +
    `synonyms accepted ${percent(result.synonymsAccepted)}; misses by kind: ${kinds}`
  );
}

/** The summary under a name, then every miss when MNEMO_GRADING_MISSES=1 (a development set's, never a check half's). */
export function report(name: string, result: Measurement): string {
  const showMisses = process.env.MNEMO_GRADING_MISSES === '1';
  return [
    `${name}: ${summary(result)}`,
    ...(showMisses ? ['label   → verdict:'] : ['(MNEMO_GRADING_MISSES=1 lists the misses)']),
    ...(showMisses ? result.misses : []).map(
      (miss) =>
        `  ${miss.label.padEnd(7)} → ${miss.verdict.padEnd(7)} [${miss.kind}] "${miss.answer}" for "${miss.card.expected}" (${miss.card.lang})`,
    ),
  ].join('\n');
}

const LABELS = new Set<string>(['correct', 'close', 'wrong']);

/** Answers whose label is not a verdict, or that are the card's own answer and not labelled correct. */
export function mislabelled(cards: readonly DomainCard[]): string[] {
  return cards.flatMap((card) =>
    card.cases
      .filter(([answer, label]) => !LABELS.has(label) || (answer === card.expected && label !== 'correct'))
      .map(([answer]) => `${answer} (${card.expected})`),
  );
}
