import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/cards.ts';
import { readLanguageTag } from '../../src/core/deck/language-tag.ts';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { grade } from '../../src/core/grading/grade.ts';
import { onMissingLanguage } from '../../src/core/grading/language.ts';
import { readDecks } from '../../src/decks/read.ts';

const deck = (front: string, card = '') =>
  parseDeck('d.md', `---\ntitle: D\n${front}---\n## d-card\nQ: q?\nA: a\n${card}`);

describe('deck and card languages', () => {
  it('GIVEN no lang THEN the deck and its cards are English', () => {
    const { deck: parsed } = deck('');
    expect(parsed?.lang).toBe('en');
    expect(parsed?.cards[0]?.lang).toBe('en');
  });

  it('GIVEN "lang: ES" in the front matter THEN the deck and its cards are in its canonical form "es"', () => {
    const { deck: parsed, issues } = deck('lang: ES\n');
    expect(issues).toEqual([]);
    expect(parsed?.lang).toBe('es');
    expect(parsed?.cards[0]?.lang).toBe('es');
  });

  it('GIVEN a card with "Lang: pt-br" THEN that card alone is in Brazilian Portuguese', () => {
    const { deck: parsed } = parseDeck(
      'd.md',
      '---\ntitle: D\nlang: fr\n---\n## a\nQ: q?\nA: a\nLang: pt-br\n\n## b\nQ: q?\nA: b\n',
    );
    expect(parsed?.cards.map((card) => card.lang)).toEqual(['pt-BR', 'fr']);
  });

  it('GIVEN unknown or malformed tags THEN each is refused', () => {
    for (const tag of ['english', 'xx', 'fr_CA', 'e', ''])
      expect(readLanguageTag(tag)).toMatchObject({ ok: false });
    expect(readLanguageTag(' de-CH ')).toEqual({ ok: true, tag: 'de-CH' });
  });

  it('GIVEN an unknown deck lang and card Lang THEN cards check names each with path:line and exits 1', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = checkCommand(
      await readDecks(['test/fixtures/lang/bad-lang.md']),
      {
        stdin: new PassThrough(),
        stdout,
        stderr,
      },
      false,
    );
    expect(code).toBe(1);
    expect(String(stderr.read()).trim().split('\n')).toEqual([
      'test/fixtures/lang/bad-lang.md:3: front matter "lang": "english" is not a known BCP 47 language tag (like "en", "es" or "pt-BR")',
      'test/fixtures/lang/bad-lang.md:9: card "bad-lang-card": "Lang:" "xx" is not a known BCP 47 language tag (like "en", "es" or "pt-BR")',
      '2 errors',
    ]);
  });

  it('GIVEN a card in a language not loaded yet THEN it is graded with the built-in lists and the language is asked for', () => {
    const asked: string[] = [];
    onMissingLanguage((lang) => asked.push(lang));
    try {
      expect(grade({ expected: 'cavallo', answer: 'cavallo', lang: 'it-CH' }).verdict).toBe('correct');
    } finally {
      onMissingLanguage(undefined);
    }
    expect(asked).toEqual(['it']);
  });
});
