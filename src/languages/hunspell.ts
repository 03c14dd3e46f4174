import type { HunspellFactory } from 'hunspell-asm';
import { Kept } from '../core/kept.ts';
import { MARKED_LETTERS, MARKS_PER_WORD, withFinalForm } from './alphabets.ts';
import { fold } from './spelling.ts';

const WORDS_KEPT = 20_000;
// Hunspell's wasm build checks a word in 10-60 µs; a long typed word would take many re-accented tries.
const LONGEST_REACCENTED = 16; // letters
// The WebAssembly build compiles on first use; its loader's default wait (3 s) is too short on a busy machine.
const COMPILE_TIMEOUT = 60_000; // ms
// A word with several marked letters folded is tried in at most this many spellings (each a Hunspell check).
const MOST_RESPELLINGS = 64;

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
  private readonly names = new Kept<boolean>(WORDS_KEPT, Number.POSITIVE_INFINITY);

  private constructor(
    private readonly check: (word: string) => boolean,
    private readonly accented: string,
    private readonly nounsCapitalised: boolean,
    private readonly marksPerWord: number,
  ) {}

  static async open(lang: string, aff: Uint8Array, dic: Uint8Array): Promise<Hunspell> {
    const hunspell = await hunspellFactory();
    const checker = hunspell.create(
      hunspell.mountBuffer(aff, `${lang}.aff`),
      hunspell.mountBuffer(dic, `${lang}.dic`),
    );
    return new Hunspell(
      (word) => checker.spell(withFinalForm(word)),
      MARKED_LETTERS[lang] ?? '',
      lang === 'de',
      MARKS_PER_WORD[lang] ?? 1,
    );
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

  /** True when the lowercase word without accents is only a name of the language ("volga" is "Волга"). */
  isFoldedName(word: string): boolean {
    const known = this.names.get(word, 0);
    if (known !== undefined) return known;
    const capital = capitalised(word);
    const found =
      !this.hasFolded(word) && (this.check(capital) || this.reaccented(capital, (name) => this.check(name)));
    this.names.set(word, found, 0);
    return found;
  }

  private reaccented(word: string, spells = (spelled: string) => this.spells(spelled)): boolean {
    if (word.length > LONGEST_REACCENTED || !/^\p{L}+$/u.test(word)) return false;
    let tries = 0;
    // Puts back a marked letter after `from`, then (while marks remain) more after it: each spelling once.
    const respell = (spelled: string, from: number, marks: number): boolean => {
      for (const letter of this.accented) {
        const plain = fold(letter);
        for (let at = spelled.indexOf(plain, from); at >= 0; at = spelled.indexOf(plain, at + 1)) {
          if (++tries > MOST_RESPELLINGS) return false;
          const next = spelled.slice(0, at) + letter + spelled.slice(at + plain.length);
          if (spells(next)) return true;
          if (marks > 1 && respell(next, at + letter.length, marks - 1)) return true;
        }
      }
      return false;
    };
    return respell(word, 0, this.marksPerWord);
  }
}
