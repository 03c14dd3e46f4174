import { ENDINGS } from '../core/grading/endings.ts';

// English also inflects verbs and adverbs: "begun" is listed, "begins", "started" and "quickly" are not.
const MORE_ENDINGS: Readonly<Record<string, readonly string[]>> = { en: ['ed', 'd', 'ing', 'ly'] };
// German writes every noun with a capital; elsewhere a capital marks a name ("Ingres", "Robbin"), which a
// slip may well spell, so names do not count as words.
export const NOUNS_CAPITALISED: ReadonlySet<string> = new Set(['de']);

const FOLDED: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', ı: 'i' };

/** Lowercase without accents, as the grader reads answers. */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłı]/g, (letter) => FOLDED[letter] ?? letter)
    .replace(/['’]/g, '');
}

/**
 * The words of a Hunspell dictionary (`dictionary-en`, `-es`, `-fr`, `-de`), folded as the grader folds
 * answers. Inflected forms count through a few regular endings. nspell would expand every affix rule at
 * load instead: measured 11 s and 570 MB for French, 2.4 s and 87 MB for Spanish.
 */
export class Spelling {
  private readonly words = new Set<string>();
  private readonly endings: readonly string[];
  private readonly names = new Set<string>();
  private readonly accented = new Set<string>();
  private readonly english: boolean;

  constructor(dic: string, lang: string) {
    this.english = lang === 'en';
    this.endings = [...(ENDINGS[lang] ?? []), ...(MORE_ENDINGS[lang] ?? [])];
    const nouns = NOUNS_CAPITALISED.has(lang);
    for (const line of dic.split('\n')) {
      const slash = line.indexOf('/');
      const entry = (slash < 0 ? line : line.slice(0, slash)).trim();
      if (!entry || /[\s\d]/.test(entry)) continue;
      const name = entry.charAt(0) !== entry.charAt(0).toLowerCase();
      (name && !nouns ? this.names : this.words).add(fold(entry));
      if (!this.english && (!name || nouns)) this.accented.add(entry.normalize('NFC').toLowerCase());
    }
  }

  /** True for names the dictionary lists ("Austria", "Australia"). */
  isName(word: string): boolean {
    return this.names.has(word);
  }

  /** True when the folded word is itself an entry of the dictionary, not merely reached by an ending. */
  isEntry(word: string): boolean {
    return this.words.has(word);
  }

  /** True when the lowercase word, accents as written, is an entry of the dictionary ("ano", "año"). */
  isAccentedEntry(word: string): boolean {
    return this.accented.has(word.normalize('NFC'));
  }

  has(word: string): boolean {
    if (this.words.has(word)) return true;
    if (this.english && /ie[sd]$/.test(word) && this.words.has(`${word.slice(0, -3)}y`)) return true;
    return this.endings.some(
      (ending) =>
        word.length > ending.length + 2 &&
        word.endsWith(ending) &&
        this.words.has(word.slice(0, -ending.length)),
    );
  }
}
