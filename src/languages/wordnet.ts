import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

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

interface Synset {
  readonly words: readonly string[];
  readonly satellite: boolean;
  readonly similar: readonly number[];
}

/**
 * English synonyms from WordNet, read on demand: the sorted index files are kept in memory and searched
 * by halving; a synset is read from its data file at its byte offset only when asked for.
 */
export class WordNet {
  private readonly indexes: Map<Part, string>;
  private readonly synsets = new Map<string, Synset>();
  private readonly answers = new Map<string, readonly string[]>();

  constructor(private readonly directory: string) {
    this.indexes = new Map(
      PARTS.map((part) => [part, readFileSync(join(directory, `index.${part}`), 'latin1')]),
    );
  }

  /** Words sharing one of the term's commonest senses; for adjectives also their similar satellites. */
  synonyms(term: string): readonly string[] {
    const lemma = term.trim().toLowerCase().replace(/\s+/g, '_');
    // Numbers are the grader's to compare: WordNet lists every cardinal as "similar" to every other.
    if (/\d/.test(lemma)) return [];
    const known = this.answers.get(lemma);
    if (known) return known;
    const found = new Set<string>();
    const senses = PARTS.map((part) => ({ part, offsets: this.lemmaOffsets(part, lemma) }));
    // The word's main part of speech: "fast" is mostly an adjective, "begin" a verb, "median" a noun.
    const most = Math.max(...senses.map(({ offsets }) => offsets.length));
    for (const { part, offsets } of senses) {
      if (offsets.length < most) continue;
      for (const offset of offsets.slice(0, SENSES[part])) {
        const synset = this.synset(part, offset);
        for (const word of synset.words) found.add(word);
        if (part !== 'adj') continue;
        // A satellite ("enormous") shares its head ("large") with its sisters ("huge", "vast").
        const heads = synset.satellite ? synset.similar.map((head) => this.synset(part, head)) : [synset];
        for (const head of heads) {
          for (const word of head.words) found.add(word);
          for (const sister of head.similar)
            for (const word of this.synset(part, sister).words) found.add(word);
        }
      }
    }
    found.delete(lemma.replace(/_/g, ' '));
    const synonyms = [...found].filter((word) => word.length > 2 && !/\d/.test(word));
    this.answers.set(lemma, synonyms);
    return synonyms;
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
    let low = index.indexOf('\n', index.lastIndexOf('\n  ') + 1) + 1;
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

  private synset(part: Part, offset: number): Synset {
    const key = `${part}:${offset}`;
    const known = this.synsets.get(key);
    if (known) return known;
    const fd = openSync(join(this.directory, `data.${part}`), 'r');
    const buffer = Buffer.alloc(LONGEST_LINE);
    const read = readSync(fd, buffer, 0, LONGEST_LINE, offset);
    closeSync(fd);
    const line = buffer.toString('latin1', 0, read).split('\n', 1)[0] ?? '';
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) =>
      (fields[4 + 2 * i] ?? '')
        .replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
    const pointerAt = 4 + 2 * count;
    const pointers = Number(fields[pointerAt]);
    const similar: number[] = [];
    for (let i = 0; i < pointers; i++) {
      const at = pointerAt + 1 + 4 * i;
      if (fields[at] === '&') similar.push(Number(fields[at + 1]));
    }
    const synset = { words, satellite: fields[2] === 's', similar };
    this.synsets.set(key, synset);
    return synset;
  }
}
