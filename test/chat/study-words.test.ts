import { describe, expect, it } from 'vitest';
import { CONSOLE_STYLE } from '../../src/adapters/console/render.ts';
import { wordsOf } from '../../src/chat/messages.ts';
import { labelOf } from '../../src/chat/reply.ts';
import type { Learner } from '../../src/core/quiz/ports.ts';

const learner = { desiredRetention: 0.9 } as Learner;

describe("main's study texts in every language", () => {
  it('GIVEN a reschedule THEN English keeps its words and Spanish and Japanese have their own', () => {
    const message = {
      code: 'RESCHEDULED',
      outcome: { cards: 3, moved: 1, kept: 2, fitted: false },
      learner,
      saved: false,
    } as const;
    expect(wordsOf(message, CONSOLE_STYLE, 'en')).toContain(
      "with FSRS's default parameters at 90% desired retention: 1 card of 3 got a new due date.",
    );
    expect(wordsOf(message, CONSOLE_STYLE, 'en')).toContain('2 cards kept as they were');
    const spanish = wordsOf(message, CONSOLE_STYLE, 'es');
    expect(spanish).toContain('cambió la fecha de 1 tarjeta de 3');
    expect(spanish).toContain('2 tarjetas se quedan como estaban');
    expect(wordsOf(message, CONSOLE_STYLE, 'ja')).toContain('3枚中1枚の期日が変わりました');
  });

  it('GIVEN the leeches of a place THEN German counts members and names the button of a leech', () => {
    const rows = [{ cardId: 'c1', deckId: 'd', question: 'Why?', people: 2, leeches: 1 }];
    expect(wordsOf({ code: 'LEECHES', rows }, CONSOLE_STYLE, 'de')).toContain('2 Mitglieder');
    expect(wordsOf({ code: 'LEECH' }, CONSOLE_STYLE, 'de')).toContain('Weiter lernen');
  });

  it('GIVEN the study buttons THEN their labels follow the language, with the number of Unsuspend', () => {
    expect(labelOf({ key: 'button.unsuspend', values: { n: 2 } }, 'de')).toBe('Fortsetzen 2');
    expect(labelOf({ key: 'button.unsuspend', values: { n: 2 } }, 'en')).toBe('Unsuspend 2');
    expect(labelOf({ key: 'button.bury' }, 'ja')).toBe('延期');
    expect(labelOf({ key: 'button.confirmImport' }, 'es')).toBe('Confirmar importación');
  });
});
