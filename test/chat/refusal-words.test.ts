import { describe, expect, it } from 'vitest';
import { CONSOLE_STYLE } from '../../src/adapters/console/render.ts';
import { answerFormResponse } from '../../src/adapters/discord/render.ts';
import { optionTooLong } from '../../src/chat/command-options.ts';
import { ANSWER_LIMIT } from '../../src/chat/forms.ts';
import { wordsOf } from '../../src/chat/messages.ts';

describe('refusals before a command runs, in the reader’s language', () => {
  it('GIVEN a 65-character deck id THEN the refusal names the option and its limit in each language', () => {
    const refusal = optionTooLong({ deck: 'd'.repeat(65) });
    expect(refusal).toEqual({ code: 'OPTION_TOO_LONG', option: 'deck', max: 64 });
    if (!refusal) return;
    expect(wordsOf(refusal, CONSOLE_STYLE, 'en')).toBe(
      'Deck id too long (max 64 characters). Nothing was done.',
    );
    expect(wordsOf(refusal, CONSOLE_STYLE, 'es')).toContain('Id del mazo');
    expect(wordsOf(refusal, CONSOLE_STYLE, 'de')).toContain('Stapel-ID');
    expect(wordsOf(refusal, CONSOLE_STYLE, 'ja')).toContain('64');
    expect(optionTooLong({ deck: 'd'.repeat(64), time: '09:00' })).toBeNull();
  });

  it('GIVEN an unknown command THEN the known ones are listed, joined as the language joins them', () => {
    const message = { code: 'UNKNOWN_COMMAND', commands: ['/quiz', '/stats'] } as const;
    expect(wordsOf(message, CONSOLE_STYLE, 'en')).toBe('I do not know that command. Try /quiz or /stats.');
    expect(wordsOf(message, CONSOLE_STYLE, 'de')).toBe(
      'Diesen Befehl kenne ich nicht. Versuche /quiz oder /stats.',
    );
  });
});

describe('the answer form', () => {
  it('GIVEN Discord’s modal THEN it takes as long an answer as the chat layer’s form', () => {
    const response = answerFormResponse('x', 'Q?', 'en');
    expect(JSON.stringify(response)).toContain(`"max_length":${ANSWER_LIMIT}`);
  });
});

describe('the list of questions of the day', () => {
  const daily = {
    id: 1,
    tenantId: 't',
    channelId: 'C1',
    localTime: '08:00',
    timeZone: 'Europe/Madrid',
    deckId: 'verbos',
    createdBy: null,
  };

  it('GIVEN a channel whose questions were set in Spanish THEN its line names the language; one without does not', () => {
    const text = wordsOf(
      {
        code: 'DAILIES',
        dailies: [
          { ...daily, language: 'es' },
          { ...daily, channelId: 'C2', language: null },
        ],
      },
      CONSOLE_STYLE,
      'en',
    );
    const [, spanish, plain] = text.split('\n');
    expect(spanish).toContain('Español');
    expect(plain).not.toContain('Español');
    expect(plain).toContain('08:00 Europe/Madrid');
  });
});
