import { describe, expect, it } from 'vitest';
import { CONSOLE_STYLE } from '../../src/adapters/console/render.ts';
import { type Style, sayer, wordsOf } from '../../src/chat/messages.ts';

/** The console's style with a bold and a code that are easy to see; outside text is left as it is. */
const MARKED: Style = {
  ...CONSOLE_STYLE,
  bold: (text) => `[b]${text}[/b]`,
  code: (text) => `[code]${text}[/code]`,
};

describe('values filled into a catalog text', () => {
  it('GIVEN a value with <b> and <code> THEN it stays literal while the template’s own tags convert', () => {
    const words = wordsOf({ code: 'UNKNOWN_DECK', deckId: '<b>loud</b> <code>x</code>' }, MARKED, 'en');
    expect(words).toBe('There is no deck “<b>loud</b> <code>x</code>”: [code]mnemo decks[/code] shows them.');
  });

  it('GIVEN a value inside the template’s <b> THEN the value is bolded as it is, its tags untouched', () => {
    const say = sayer(MARKED, 'es');
    expect(say('IMPORT.preview', { file: 'a<b>b</b>.csv' })).toBe(
      '📥 [b]Vista previa de la importación[/b] de a<b>b</b>.csv: no se guarda nada hasta que confirmes.',
    );
    expect(say('card.rated', { rating: '<code>Bien</code>', when: 'mañana' })).toContain(
      '[b]<code>Bien</code>[/b]',
    );
  });

  it('GIVEN a value with the private-use escape character THEN it comes back unchanged', () => {
    const odd = '\uE000l \uE000e <';
    expect(wordsOf({ code: 'BAD_TIME', value: odd }, MARKED, 'de')).toContain(`„${odd}“`);
  });
});
