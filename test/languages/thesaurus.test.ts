import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compact, readMyThes } from '../../scripts/build-thesauri.ts';
import { loadLanguages } from '../../src/languages/load.ts';
import { Thesaurus } from '../../src/languages/thesaurus.ts';
import { verdictOf } from '../grading/verdict-of.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/thesaurus');

/** The fixture thesaurus in MyThes format, built as scripts/build-thesauri.ts builds the shipped ones. */
function fixture(name = 'th_xx_v2.dat'): Thesaurus {
  const entries = readMyThes(readFileSync(join(FIXTURES, name)), name);
  return Thesaurus.parse(compact(entries), `${name}.txt`);
}

describe('a thesaurus built from a LibreOffice (MyThes) file', () => {
  const thesaurus = fixture();

  it('GIVEN two words each among the closest of the other THEN each is a synonym of the other', () => {
    expect(thesaurus.synonyms('coche')).toEqual(expect.arrayContaining(['automóvil', 'auto', 'carro']));
    expect(thesaurus.synonyms('Automóvil')).toEqual(expect.arrayContaining(['coche', 'auto']));
  });

  it('GIVEN a word listed one way only, or far down a meaning THEN it is no synonym', () => {
    expect(thesaurus.synonyms('coche')).not.toContain('carruaje');
    expect(thesaurus.synonyms('coche')).not.toContain('vagón');
    expect(thesaurus.synonyms('lluvia')).not.toContain('aguacero');
  });

  it('GIVEN a word marked as a hypernym, obsolete, or a long phrase THEN it is dropped', () => {
    expect(thesaurus.synonyms('glücklich')).toEqual(['froh']);
  });

  it('GIVEN a listed word one or two letters away THEN it stays another word', () => {
    expect(thesaurus.synonyms('mitose')).toEqual(['caryocinèse']);
  });

  it('GIVEN a word the question itself names THEN it is no synonym for that question', () => {
    expect(thesaurus.synonyms('mer')).toContain('océan');
    expect(thesaurus.synonyms('mer', "Comment appelle-t-on l'eau salée, plus petite qu'un océan ?")).toEqual([
      'flots',
    ]);
  });

  it('GIVEN a word with no entry THEN it has no synonyms', () => {
    expect(thesaurus.synonyms('bicicleta')).toEqual([]);
  });
});

describe('names in a language that writes its common nouns in lowercase', () => {
  it('GIVEN a capitalised answer THEN the thesaurus reads it as a name, not as the common word', async () => {
    await loadLanguages(['fr', 'de']);
    expect(verdictOf('Seine', 'gabare', { lang: 'fr' })).toBe('wrong');
    expect(verdictOf('Insel', 'Eiland', { lang: 'de' })).toBe('correct');
  });
});

describe('a malformed thesaurus file', () => {
  it('GIVEN a MyThes file with fewer meanings than its headword counts THEN the error names the file and line', () => {
    expect(() => fixture('th_short.dat')).toThrow('th_short.dat:4: expected meaning 2 of 2 of "coche"');
  });

  it('GIVEN a compact file with a line out of shape THEN the error names the file and line', () => {
    expect(() => Thesaurus.parse('mnemo-thesaurus 1\ncoche\tauto\nmoto\n', 'es.txt.gz')).toThrow(
      'es.txt.gz:3: expected "headword<TAB>word|word<TAB>…"',
    );
    expect(() => Thesaurus.parse('coche\tauto\n', 'es.txt.gz')).toThrow(
      'es.txt.gz:1: expected "mnemo-thesaurus 1"',
    );
  });
});

describe('synonyms in decks in Spanish, French, German, Italian and Portuguese', () => {
  it('GIVEN a synonym a teacher accepts THEN it is correct', async () => {
    await loadLanguages(['es', 'fr', 'de', 'it', 'pt']);
    expect(verdictOf('coche', 'automóvil', { lang: 'es' })).toBe('correct');
    expect(verdictOf('Insel', 'Eiland', { lang: 'de' })).toBe('correct');
    expect(verdictOf('casa', 'abitazione', { lang: 'it' })).toBe('correct');
    expect(verdictOf('cão', 'cachorro', { lang: 'pt' })).toBe('correct');
  });

  it('GIVEN a related word, a word one letter away or a word the question names THEN it stays wrong', async () => {
    await loadLanguages(['es', 'fr', 'de']);
    expect(verdictOf('mitose', 'méiose', { lang: 'fr' })).toBe('wrong');
    expect(verdictOf('gehen', 'laufen', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('schön', 'schon', { lang: 'de' })).toBe('wrong');
    const sea = {
      lang: 'fr',
      question: "Comment appelle-t-on une vaste étendue d'eau salée, plus petite qu'un océan ?",
    };
    expect(verdictOf('mer', 'océan', sea)).toBe('wrong');
  });
});
