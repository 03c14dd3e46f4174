import type { HunspellFactory } from 'hunspell-asm';
import { Kept } from '../core/kept.ts';
import { fold } from './spelling.ts';

// Letters a learner may type without their accent, per language: a folded word is looked up again with one
// of them put back ("infraccion" is "infracción", "kuhen" is "Kühen").
const ACCENTED: Readonly<Record<string, string>> = {
  es: 'áéíóúñü',
  fr: 'éèêàâùûîïôçë',
  de: 'äöüß',
  it: 'àèéìòù',
  pt: 'áâãàéêíóôõúç',
};
const WORDS_KEPT = 20_000;
// Hunspell's wasm build checks a word in 10-60 µs; a long typed word would take many re-accented tries.
const LONGEST_REACCENTED = 16; // letters
// The WebAssembly build compiles on first use; its loader's default wait (3 s) is too short on a busy machine.
const COMPILE_TIMEOUT = 60_000; // ms

let factory: Promise<HunspellFactory> | undefined;

function hunspellFactory(): Promise<HunspellFactory> {
  factory ??= import('hunspell-asm').then(({ loadModule }) => loadModule({ timeout: COMPILE_TIMEOUT }));
  return factory;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A Hunspell dictionary read by Hunspell itself (compiled to WebAssembly): every form its affix rules make
 * ("hablas", "gegangen", "cassa") is a word, looked up when asked, without expanding the dictionary at load.
 * nspell expands every rule at load instead: measured 3.4 s for English and 11.4 s and 82 MB for Spanish.
 */
export class Hunspell {
  private readonly folded = new Kept<boolean>(WORDS_KEPT, Number.POSITIVE_INFINITY);

  private constructor(
    private readonly check: (word: string) => boolean,
    private readonly accented: string,
    private readonly nounsCapitalised: boolean,
  ) {}

  static async open(lang: string, aff: Uint8Array, dic: Uint8Array): Promise<Hunspell> {
    const hunspell = await hunspellFactory();
    const checker = hunspell.create(
      hunspell.mountBuffer(aff, `${lang}.aff`),
      hunspell.mountBuffer(dic, `${lang}.dic`),
    );
    return new Hunspell((word) => checker.spell(word), ACCENTED[lang] ?? '', lang === 'de');
  }

  /**
   * True when the lowercase word, accents as written, is a word of the language. Capitalised, it is a German
   * noun, but elsewhere a name ("Vivaldi"), which a slip may well spell.
   */
  spells(word: string): boolean {
    return this.check(word) || (this.nounsCapitalised && this.check(capitalised(word)));
  }

  /** True when the lowercase word without accents is a word of the language with them put back. */
  hasFolded(word: string): boolean {
    const known = this.folded.get(word, 0);
    if (known !== undefined) return known;
    const found = this.spells(word) || this.reaccented(word);
    this.folded.set(word, found, 0);
    return found;
  }

  private reaccented(word: string): boolean {
    if (word.length > LONGEST_REACCENTED || !/^[a-z]+$/.test(word)) return false;
    for (const letter of this.accented) {
      const plain = fold(letter);
      for (let at = word.indexOf(plain); at >= 0; at = word.indexOf(plain, at + 1)) {
        if (this.spells(word.slice(0, at) + letter + word.slice(at + plain.length))) return true;
      }
    }
    return false;
  }
}
