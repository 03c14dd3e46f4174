import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Kept } from '../core/kept.ts';

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];
// A word's commonest senses; rarer ones stray too far for a marker ("fashionable" for "modern"). A noun's
// second sense is often as common as its first ("cinema": the art, and the place films are shown).
const SENSES: Readonly<Record<Part, number>> = { noun: 2, verb: 2, adj: 1, adv: 1 };
// WordNet's detachment rules for nouns (morphy), in its order.
const NOUN_ENDINGS: readonly (readonly [string, string])[] = [
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['s', ''],
];
const LONGEST_LINE = 16_384; // bytes: the longest synset line in WordNet 3.1 is under 10 kB
const TYPICAL_LINE = 1_024; // bytes
// A rarer sense counts when its gloss shares this many words with the question (a simplified Lesk):
// "column" to "What is an upright cylindrical support in a building called?" is the pillar, not a list.
const GLOSS_OVERLAP = 2;
// Gloss and question words shorter than this are mostly function words ("the", "of", "that").
const SHORTEST_GLOSS_WORD = 4;
// A chemical or unit symbol ("Fe", "CO2", "N", "NaCl") is a synonym a teacher takes, short or with digits.
const SYMBOL = /^(?:[A-Z][a-z]?\d*)+$/;
// What an adjective's commonest sense says when it denies what it describes ("not genuine", "the absence of").
const PRIVATIVE = /\b(?:not|no longer|absence|lacking|without|imitation|misleading)\b/;
const ANSWERS_KEPT = 20_000;
const FOREVER = Number.POSITIVE_INFINITY;

interface Synset {
  readonly words: readonly string[];
  readonly satellite: boolean;
  readonly similar: readonly number[];
  readonly gloss: ReadonlySet<string>;
  /** An adjective whose definition denies what it describes: "zero" ("indicating the absence of…"), "fake". */
  readonly denies: boolean;
  /** The gloss's first words, lowercase, after a field in brackets and an article: "generator consisting of a". */
  readonly opening: string;
  /** The gloss's opening phrase, to its first joining word: "positively charged ion" ("…ion", "…that…"). */
  readonly phrase: readonly string[];
  /** Nouns this one is a kind or an instance of ("gland" for "pancreas", "national capital" for "Lima"). */
  readonly broader: readonly number[];
  /** Nouns this one is a part or member of ("Peru" for "Lima", "England" for "London"). */
  readonly wholes: readonly number[];
}

// How far up a thing's kinds and wholes still name it: "pancreas" → "exocrine gland" → "gland" → "organ".
const KIND_LEVELS = 3;
const WHOLE_LEVELS = 2;

/** Content words of a text, lowercase, a plural "s" dropped: what a gloss and a question are compared by. */
export function contentWords(text: string): ReadonlySet<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= SHORTEST_GLOSS_WORD)
      .map((word) => word.replace(/s$/, '')),
  );
}

/**
 * The index key WordNet files a term under: lowercase, words joined by "_", marks taken off its letters, as
 * WordNet writes its lemmas without them ("Zürich" and "São Paulo" are "zurich" and "sao_paulo").
 */
function lemmaOf(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, '_');
}

// Words that end a gloss's opening phrase: "a positively charged ion | that…", "a young dog | of…".
const JOINING = new Set(
  'of that which who whose where in on for with by from to as or and at into used having especially usually consisting made'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['a', 'an', 'the']);

/** A gloss's opening phrase: its words after an article, to its first joining word, a comma or a bracket. */
function openingPhrase(definition: string): readonly string[] {
  const clause = definition.replace(/^\s*\([^)]*\)/, '').split(/[,;(:"]/, 1)[0] ?? '';
  const words = clause.toLowerCase().trim().split(/\s+/);
  const start = ARTICLES.has(words[0] ?? '') ? 1 : 0;
  const end = words.findIndex((word, at) => at >= start && JOINING.has(word));
  return words.slice(start, end < 0 ? words.length : end).filter((word) => /^[a-z-]+$/.test(word));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared;
}

/**
 * English synonyms from WordNet, read on demand: the sorted index files are kept in memory and searched
 * by halving; a synset is read from its data file at its byte offset only when asked for.
 */
export class WordNet {
  private readonly indexes: Map<Part, string>;
  /** Where each index's entries start, after its licence lines (which begin with two spaces). */
  private readonly firstEntry: Map<Part, number>;
  private readonly synsets = new Map<string, Synset>();
  // The four data files, opened on first use and kept open for the process: a card's senses and what they are
  // kinds of are read a line each (a word of many senses reads dozens).
  private readonly dataFiles = new Map<Part, number>();
  private readonly buffer = Buffer.alloc(LONGEST_LINE);
  // What was worked out, the least recently used dropped past ANSWERS_KEPT (nothing goes stale: no age).
  private readonly answers = new Kept<readonly string[]>(ANSWERS_KEPT, FOREVER);
  private readonly kindsOf = new Kept<readonly string[]>(ANSWERS_KEPT, FOREVER);
  private readonly lemmas = new Kept<boolean>(ANSWERS_KEPT, FOREVER);
  private readonly shared = new Kept<boolean>(ANSWERS_KEPT, FOREVER);

  constructor(private readonly directory: string) {
    this.indexes = new Map(
      PARTS.map((part) => [part, readFileSync(join(directory, `index.${part}`), 'latin1')]),
    );
    this.firstEntry = new Map(
      PARTS.map((part) => {
        const index = this.indexes.get(part) ?? '';
        let start = 0;
        while (index.startsWith('  ', start)) start = index.indexOf('\n', start) + 1;
        return [part, start];
      }),
    );
  }

  /**
   * Words sharing one of the term's commonest senses, or a rarer sense whose gloss the question's words
   * `context` (see `contentWords`) point to; for adjectives also their similar satellites.
   */
  synonyms(term: string, context: ReadonlySet<string> = new Set()): readonly string[] {
    const lemma = lemmaOf(term);
    // Numbers are the grader's to compare: WordNet lists every cardinal as "similar" to every other.
    if (/\d/.test(lemma)) return [];
    // Keyed as written: a name in capitals is not said the other way round (`reordered`).
    const key = `${term.trim()}\n${[...context].join(' ')}`;
    const known = this.answers.get(key, 0);
    if (known) return known;
    const found = new Set<string>();
    // Nouns one step away that a teacher takes: no sister terms, though one may be what the term is a kind of.
    const alike = new Set<string>();
    for (const { part, chosen, main } of this.meant(lemma, context)) {
      for (const offset of chosen) {
        const synset = this.synset(part, offset);
        for (const word of synset.words) found.add(word);
        if (part === 'noun') for (const word of this.definedAlike(synset)) alike.add(word.toLowerCase());
        // An adjective's sisters only where adjectives are the word's main use: "grey" is mostly a noun, and its
        // adjective's head, "achromatic", has "ebony" and "jet" among its sisters.
        if (part !== 'adj' || !main) continue;
        // A satellite ("enormous") shares its head ("large") with its sisters ("huge", "vast").
        const heads = synset.satellite ? synset.similar.map((head) => this.synset(part, head)) : [synset];
        for (const head of heads) {
          for (const word of head.words) found.add(word);
          for (const sister of head.similar)
            for (const word of this.synset(part, sister).words) found.add(word);
        }
      }
    }
    const kept = [...found]
      .filter((word) => (word.length > 2 && !/\d/.test(word)) || SYMBOL.test(word))
      .map((word) => (SYMBOL.test(word) ? word : word.toLowerCase()));
    const sisters = this.sisterTest(lemma);
    const synonyms = [
      ...new Set([...kept.filter((word) => !sisters(word)), ...alike, ...this.reordered(term)]),
    ].filter((word) => word !== lemma.replace(/_/g, ' '));
    this.answers.set(key, synonyms, 0);
    return synonyms;
  }

  /**
   * The senses a card means by the term: those the question describes, in any part of speech ("cop" is mostly a
   * verb, "to steal", but "What is an informal word for a police officer?" asks for the noun), and those of the
   * commonest it touches on; else the commonest of the main part. A common sense the question says nothing of is
   * another word's ("noggin" for "dome", asked for a rounded roof).
   */
  private meant(
    lemma: string,
    context: ReadonlySet<string>,
  ): readonly { readonly part: Part; readonly chosen: readonly number[]; readonly main: boolean }[] {
    const senses = PARTS.map((part) => ({ part, offsets: this.lemmaOffsets(part, lemma) }));
    // The word's main part of speech: "fast" is mostly an adjective, "begin" a verb; on a tie the noun,
    // as a card's answer names a thing ("median" is a noun before it is an adjective).
    const most = Math.max(...senses.map(({ offsets }) => offsets.length));
    const main = senses.find(({ offsets }) => offsets.length === most && most > 0);
    const described = senses.map(({ part, offsets }) =>
      offsets.map((offset) => this.described(part, offset, context)),
    );
    const anyDescribed = described.some((scores) => scores.some((score) => score >= GLOSS_OVERLAP));
    return senses.map(({ part, offsets }, at) => {
      const common = (sense: number) => part === main?.part && sense < SENSES[part];
      const chosen = offsets.filter((_, sense) => {
        const score = described[at]?.[sense] ?? 0;
        return anyDescribed ? score >= GLOSS_OVERLAP || (common(sense) && score > 0) : common(sense);
      });
      return { part, chosen, main: part === main?.part };
    });
  }

  /**
   * True when the answer spells out the gloss of a sense the card means, in words of its own: "positive ion" for
   * "cation", "a positively charged ion"; "young dog" for "puppy". Every word of it is in the gloss's opening
   * phrase, and it ends with the phrase's head; never a term WordNet lists for something else ("toothed whale"
   * for "killer whale", "predatory black-and-white toothed whale…").
   */
  spellsOut(answer: string, term: string, context: ReadonlySet<string>): boolean {
    const said = lemmaOf(answer)
      .split('_')
      .filter((word) => !ARTICLES.has(word));
    if (said.length < 2 || /\d/.test(answer) || this.has(answer)) return false;
    return this.meant(lemmaOf(term), context).some(({ part, chosen }) =>
      chosen.some((offset) => {
        const phrase = this.synset(part, offset).phrase;
        const sameWord = (word: string, glossWord: string) =>
          glossWord.startsWith(word.slice(0, Math.max(4, word.length - 2)));
        return (
          phrase.length >= 2 &&
          sameWord(said.at(-1) ?? '', phrase.at(-1) ?? '') &&
          said.every((word) => phrase.some((glossWord) => sameWord(word, glossWord)))
        );
      }),
    );
  }

  /**
   * Two words of a common noun said the other way round with "of", and back: "rotation of crops" for "crop rotation",
   * "crop rotation" for "rotation of crops". The first noun is singular before the second, plural or not after "of".
   */
  private reordered(term: string): readonly string[] {
    // Written in lower case: a common noun, not a name ("Charles Darwin", "John XXIII").
    if (term !== term.toLowerCase()) return [];
    const words = lemmaOf(term).split('_');
    if (words.length === 2) {
      const [first = '', second = ''] = words;
      return [`${second} of ${first}`, `${second} of ${this.plural(first)}`];
    }
    const [second = '', of, first = ''] = words;
    if (words.length !== 3 || of !== 'of') return [];
    return [`${this.singular(first)} ${second}`];
  }

  private plural(noun: string): string {
    if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
    return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  }

  // WordNet's own detachment rules, the first that reaches a noun it lists: "crops" → "crop".
  private singular(noun: string): string {
    for (const [ending, base] of NOUN_ENDINGS) {
      if (!noun.endsWith(ending) || noun.length <= ending.length + 2) continue;
      const single = noun.slice(0, -ending.length) + base;
      if (this.offsets('noun', single).length > 0) return single;
    }
    return noun;
  }

  /**
   * True when the two terms are words of one sense the question's words `context` point to (its gloss shares
   * GLOSS_OVERLAP words with them), however rare that sense is for either: "larboard" is "port" on a card
   * asking for the left side of a ship, though neither word's commonest sense is that one.
   */
  sharedSense(a: string, b: string, context: ReadonlySet<string>): boolean {
    const [first, second] = [lemmaOf(a), lemmaOf(b)];
    if (first === second || /\d/.test(first) || /\d/.test(second)) return false;
    const key = `${first}\n${second}\n${[...context].join(' ')}`;
    const known = this.shared.get(key, 0);
    if (known !== undefined) return known;
    const other = second.replace(/_/g, ' ');
    // "average" and "median" share an adjective's sense, but the median is one kind of average.
    const found =
      !this.sisterTest(second)(first.replace(/_/g, ' ')) &&
      PARTS.some((part) =>
        this.lemmaOffsets(part, first).some((offset) => {
          const synset = this.synset(part, offset);
          return (
            synset.words.some((word) => word.toLowerCase() === other) &&
            overlap(synset.gloss, context) >= GLOSS_OVERLAP
          );
        }),
      );
    this.shared.set(key, found, 0);
    return found;
  }

  /**
   * The words of what a noun sense is a kind of, when both glosses open alike: a teacher takes "pup" and "whelp",
   * "young of any of various canines such as a dog or wolf", for "puppy", "a young dog"; not "whale" for "killer
   * whale", "predatory black-and-white toothed whale…" beside "any of several whales having…". A kind of the
   * answer is no such word: "pilaster" is "a rectangular column", not a column of any shape.
   */
  private definedAlike(synset: Synset): readonly string[] {
    const [head] = synset.opening.split(' ', 1);
    return synset.broader
      .map((offset) => this.synset('noun', offset))
      .filter((kind) => kind.opening.split(' ', 1)[0] === head)
      .flatMap((kind) => kind.words);
  }

  /**
   * How far the question's words describe a sense: the words its gloss shares with them, and those shared with
   * what it is a kind of ("police officer" for "cop", whose gloss says only "uncomplimentary terms for a
   * policeman"). A word in both counts twice: the kind the gloss names is the sense's genus ("roof" for "dome",
   * "a hemispherical roof").
   */
  private described(part: Part, offset: number, context: ReadonlySet<string>): number {
    if (context.size === 0) return 0;
    const synset = this.synset(part, offset);
    const kinds = synset.broader.flatMap((broader) => this.synset(part, broader).words);
    return overlap(synset.gloss, context) + overlap(contentWords(kinds.join(' ')), context);
  }

  /**
   * Tells the noun's sister terms and what it is a kind of: kinds of the same thing that are not the noun itself
   * ("mean" and "mode" beside "median", all kinds of average) and that thing ("average"), which an adjective's
   * sense may list as similar but a teacher reads as other answers.
   */
  private sisterTest(lemma: string): (word: string) => boolean {
    const own = this.lemmaOffsets('noun', lemma)
      .slice(0, SENSES.noun)
      .map((offset) => this.synset('noun', offset));
    if (own.length === 0) return () => false;
    const parents = new Set(own.flatMap((synset) => synset.broader));
    const same = new Set(own.flatMap((synset) => synset.words.map((word) => word.toLowerCase())));
    return (word) => {
      if (same.has(word)) return false;
      const offsets = this.lemmaOffsets('noun', word.replace(/\s+/g, '_')).slice(0, SENSES.noun);
      return offsets.some(
        (offset) =>
          parents.has(offset) || this.synset('noun', offset).broader.some((parent) => parents.has(parent)),
      );
    };
  }

  /**
   * The words of what a noun's commonest senses are kinds or parts of: "gland" and "organ" for "pancreas",
   * "Peru" for "Lima", "England" and "United Kingdom" for "London". Named beside the answer, they place it.
   */
  kinds(term: string): readonly string[] {
    const lemma = lemmaOf(term);
    if (/\d/.test(lemma)) return [];
    const known = this.kindsOf.get(lemma, 0);
    if (known) return known;
    const found = new Set<string>();
    const climb = (
      offsets: readonly number[],
      levels: number,
      next: (synset: Synset) => readonly number[],
    ) => {
      let level = offsets;
      for (let depth = 0; depth < levels && level.length > 0; depth++) {
        const synsets = level.map((offset) => this.synset('noun', offset));
        for (const synset of synsets) for (const word of synset.words) found.add(word.toLowerCase());
        level = synsets.flatMap(next);
      }
    };
    const senses = this.lemmaOffsets('noun', lemma).slice(0, SENSES.noun);
    const own = senses.map((offset) => this.synset('noun', offset));
    climb(
      own.flatMap((synset) => synset.broader),
      KIND_LEVELS,
      (synset) => synset.broader,
    );
    climb(
      own.flatMap((synset) => synset.wholes),
      WHOLE_LEVELS,
      (synset) => synset.wholes,
    );
    const kinds = [...found];
    this.kindsOf.set(lemma, kinds, 0);
    return kinds;
  }

  /**
   * Whether words before a noun make a kind of it, as a teacher reads "grand piano" for "piano": every word before
   * is an adjective or a verb's participle, and the phrase is a noun WordNet lists as a kind of the noun ("essential
   * hypertension") or no noun of its own ("arterial hypertension", "mashed avocado"); false when the phrase is
   * another thing ("sea lion", "East Germany", "air conditioning") or a word is a noun ("onion dome").
   */
  narrows(modifiers: readonly string[], noun: string): boolean {
    const head = lemmaOf(noun);
    if (modifiers.length === 0 || /\d/.test(head)) return false;
    // A noun before it makes a kind of its own ("onion dome" is no half sphere); an adjective only qualifies it.
    const qualifies = modifiers.every((word) => this.isAdjective(lemmaOf(word)));
    const named = this.phraseSenses(modifiers, noun);
    if (named) return qualifies && named.some((offset) => this.isKindOf(offset, head));
    return qualifies;
  }

  /**
   * True when the words before a noun make a noun of WordNet's that is another thing: neither a kind of the noun
   * nor a name of it ("sea lion", "mountain lion" for "lion"; not "grand piano", nor "Mount Everest" for "Everest").
   */
  namesAnotherThing(modifiers: readonly string[], noun: string): boolean {
    const head = lemmaOf(noun);
    if (modifiers.length === 0 || /\d/.test(head)) return false;
    const named = this.phraseSenses(modifiers, noun);
    if (!named) return false;
    const own = head.replace(/_/g, ' ');
    return !named.some(
      (offset) =>
        this.isKindOf(offset, head) ||
        this.synset('noun', offset).words.some((word) => word.toLowerCase() === own),
    );
  }

  // The longest phrase WordNet knows as a noun decides: "red dwarf star" is read as "red dwarf".
  private phraseSenses(modifiers: readonly string[], noun: string): readonly number[] | undefined {
    for (let start = 0; start < modifiers.length; start++) {
      const phrase = lemmaOf([...modifiers.slice(start), noun].join(' '));
      const senses = this.lemmaOffsets('noun', phrase).slice(0, SENSES.noun);
      if (senses.length > 0) return senses;
    }
    return undefined;
  }

  private isKindOf(offset: number, head: string): boolean {
    const wanted = new Set(this.lemmaOffsets('noun', head));
    let level = this.synset('noun', offset).broader;
    for (let depth = 0; depth < KIND_LEVELS && level.length > 0; depth++) {
      if (level.some((parent) => wanted.has(parent))) return true;
      level = level.flatMap((parent) => this.synset('noun', parent).broader);
    }
    return false;
  }

  // "mashed" is "mash" done: a verb's participle describes as an adjective does. An adjective that denies the
  // noun ("zero gravity", "fake diamond", "dead language") makes another thing of it.
  private isAdjective(word: string): boolean {
    const [first] = this.lemmaOffsets('adj', word);
    if (first !== undefined) return !this.synset('adj', first).denies;
    const participle = /^(\w{3,}?)(e?d)$/.exec(word);
    return (
      participle !== null &&
      [participle[1] ?? '', `${participle[1]}e`].some((verb) => this.lemmaOffsets('verb', verb).length > 0)
    );
  }

  /** True when the word is a lemma of WordNet, or a noun's plural: "hypotension", "monopsony", "monopsonies". */
  has(word: string): boolean {
    const known = this.lemmas.get(word, 0);
    if (known !== undefined) return known;
    const lemma = lemmaOf(word);
    const found = PARTS.some((part) => this.lemmaOffsets(part, lemma).length > 0);
    this.lemmas.set(word, found, 0);
    return found;
  }

  // A noun's plural finds its base form, as WordNet's own morphy does: "red blood cells" → "red blood cell".
  private lemmaOffsets(part: Part, lemma: string): number[] {
    const found = this.offsets(part, lemma);
    if (found.length > 0 || part !== 'noun') return found;
    for (const [ending, base] of NOUN_ENDINGS) {
      if (!lemma.endsWith(ending) || lemma.length <= ending.length + 2) continue;
      const offsets = this.offsets(part, lemma.slice(0, -ending.length) + base);
      if (offsets.length > 0) return offsets;
    }
    return [];
  }

  private offsets(part: Part, lemma: string): number[] {
    const index = this.indexes.get(part) ?? '';
    let low = this.firstEntry.get(part) ?? 0;
    let high = index.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = index.lastIndexOf('\n', middle - 1) + 1;
      const end = index.indexOf('\n', start);
      const line = index.slice(start, end < 0 ? index.length : end);
      const word = line.slice(0, line.indexOf(' '));
      if (word === lemma) {
        const fields = line.trim().split(' ');
        const count = Number(fields[2]);
        return fields.slice(-count).map(Number);
      }
      if (word < lemma) low = (end < 0 ? index.length : end) + 1;
      else high = start;
    }
    return [];
  }

  // Most synset lines are short: a first read of TYPICAL_LINE bytes, a longer one only when it holds no line end.
  private lineAt(fd: number, offset: number): string {
    for (const size of [TYPICAL_LINE, LONGEST_LINE]) {
      const read = readSync(fd, this.buffer, 0, size, offset);
      const end = this.buffer.indexOf(10, 0);
      if (end >= 0 && end < read) return this.buffer.toString('latin1', 0, end);
      if (read < size) return this.buffer.toString('latin1', 0, read);
    }
    return this.buffer.toString('latin1', 0, LONGEST_LINE);
  }

  private synset(part: Part, offset: number): Synset {
    const key = `${part}:${offset}`;
    const known = this.synsets.get(key);
    if (known) return known;
    let fd = this.dataFiles.get(part);
    if (fd === undefined) {
      fd = openSync(join(this.directory, `data.${part}`), 'r');
      this.dataFiles.set(part, fd);
    }
    const line = this.lineAt(fd, offset);
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    // As written: a symbol keeps its case ("Fe", "CO2"); other words are lowered where they are chosen.
    const words = Array.from({ length: count }, (_, i) =>
      (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' '),
    );
    const pointerAt = 4 + 2 * count;
    const pointers = Number(fields[pointerAt]);
    const similar: number[] = [];
    const broader: number[] = [];
    const wholes: number[] = [];
    for (let i = 0; i < pointers; i++) {
      const at = pointerAt + 1 + 4 * i;
      const [symbol, target, pos] = [fields[at], Number(fields[at + 1]), fields[at + 2]];
      if (symbol === '&') similar.push(target);
      else if (pos === 'n' && (symbol === '@' || symbol === '@i')) broader.push(target);
      else if (pos === 'n' && (symbol === '#p' || symbol === '#m')) wholes.push(target);
    }
    const glossText = line.slice(line.indexOf('|') + 1);
    const gloss = contentWords(glossText);
    const opening = glossText
      .toLowerCase()
      .replace(/^\s*(?:\([^)]*\)\s*)?(?:(?:a|an|the)\s+)?/, '')
      .split(/[^a-z'-]+/, 6)
      .join(' ');
    const synset = {
      words,
      satellite: fields[2] === 's',
      similar,
      gloss,
      // Read from the definition, before its examples.
      denies: part === 'adj' && PRIVATIVE.test(glossText.split(/[;"]/, 1)[0] ?? ''),
      opening,
      phrase: openingPhrase(glossText),
      broader,
      wholes,
    };
    this.synsets.set(key, synset);
    return synset;
  }
}
