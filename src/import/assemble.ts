import { createHash } from 'node:crypto';
import type { Card, Deck } from '../core/deck/card.ts';
import type { ImportedDeck, ImportedMedia, SkippedItem } from '../core/deck/imported.ts';
import { DEFAULT_LANG } from '../core/deck/language-tag.ts';
import { MnemoError } from '../core/errors.ts';
import { formatBytes, IMPORT_LIMITS } from './limits.ts';
import { badMediaName, sniffMedia } from './media.ts';
import { type DraftCard, mediaReferences, noteToCards, slugify } from './note-cards.ts';
import type { SourceNote } from './note-model.ts';

const MAX_ID_LENGTH = 50;

/** The media files a package holds, read one at a time when a card refers to them. */
export interface MediaSource {
  /** The declared size, or undefined when the package does not hold the name. */
  size(name: string): number | undefined;
  read(name: string): Uint8Array;
}

export interface AssembleOptions {
  /** The package's name in messages and in `Deck.path`. */
  source: string;
  /** The deck id to use when the package gives one deck. */
  deckId?: string | undefined;
  /** Deck descriptions (Markdown) by Anki deck name. */
  descriptions?: ReadonlyMap<string, string>;
  /** BCP 47 language the cards' answers are graded in (`--lang`); default `en`. */
  lang?: string | undefined;
}

interface DeckParts {
  name: string;
  cards: DraftCard[];
  notes: number;
  skipped: SkippedItem[];
}

/** Notes → one ImportedDeck per Anki deck that holds cards, with the media its cards refer to. */
export function assembleDecks(
  notes: Iterable<SourceNote>,
  media: MediaSource,
  options: AssembleOptions,
): ImportedDeck[] {
  const decks = new Map<string, DeckParts>();
  const partsOf = (name: string): DeckParts => {
    let parts = decks.get(name);
    if (!parts) {
      parts = { name, cards: [], notes: 0, skipped: [] };
      decks.set(name, parts);
    }
    return parts;
  };
  const guids = new Map<string, string>();
  let count = 0;
  let rendered = 0;
  for (const note of notes) {
    count++;
    if (count > IMPORT_LIMITS.notes) {
      throw new MnemoError(
        'DECK_INVALID',
        `${options.source}: holds more than ${IMPORT_LIMITS.notes.toLocaleString('en-US')} notes: refused`,
      );
    }
    const home = partsOf(note.deckOf(0));
    const first = guids.get(note.guid);
    if (first !== undefined) {
      home.skipped.push({ item: note.where, reason: `its GUID is also the GUID of ${first}: left out` });
      home.notes++;
      continue;
    }
    guids.set(note.guid, note.where);
    const { cards, skipped, rendered: characters } = noteToCards(note);
    rendered += characters;
    if (rendered > IMPORT_LIMITS.renderedCharacters) {
      throw new MnemoError(
        'DECK_INVALID',
        `${options.source}: the notes' templates render to more than ${IMPORT_LIMITS.renderedCharacters.toLocaleString('en-US')} characters (at ${note.where}): refused`,
      );
    }
    home.skipped.push(...skipped);
    const counted = new Set<DeckParts>();
    for (const card of cards) {
      const parts = partsOf(card.deckName);
      parts.cards.push(card);
      counted.add(parts);
    }
    if (counted.size === 0) counted.add(home);
    for (const parts of counted) parts.notes++;
  }
  if (count === 0) throw new MnemoError('DECK_INVALID', `${options.source}: holds no notes`);

  let chosen = [...decks.values()].filter((parts) => parts.cards.length > 0);
  if (chosen.length === 0) chosen = [...decks.values()].slice(0, 1);
  // Skipped notes of decks that hold no card are told in the first deck, so nothing goes unreported.
  const first = chosen[0];
  for (const parts of decks.values())
    if (first && !chosen.includes(parts)) first.skipped.push(...parts.skipped);

  const ids = deckIds(
    chosen.map((parts) => parts.name),
    options.deckId,
  );
  const library = new MediaLibrary(media, options.source);
  return chosen.map((parts, i) => toImportedDeck(parts, ids[i] ?? 'deck', options, library));
}

function toImportedDeck(
  parts: DeckParts,
  id: string,
  options: AssembleOptions,
  library: MediaLibrary,
): ImportedDeck {
  const cards: Card[] = parts.cards.map((draft, position) => ({
    id: draft.id,
    deckId: id,
    kind: draft.kind,
    question: draft.question,
    answer: draft.answer,
    accept: [],
    options: [],
    correctOption: null,
    note: draft.note,
    tags: draft.tags,
    position,
    // Imported cards have no line of their own: their place in the deck stands in for it.
    line: position + 1,
    lang: options.lang ?? DEFAULT_LANG,
    ...(draft.noteId === undefined ? {} : { noteId: draft.noteId }),
  }));
  const skipped = [...parts.skipped];
  const clozes = parts.cards.filter((card) => card.cloze).length;
  const selfClozes = parts.cards.filter((card) => card.cloze && card.kind === 'self').length;
  if (selfClozes > 0) {
    skipped.push({
      item: `deck "${parts.name}"`,
      reason: `${selfClozes} cloze card${selfClozes === 1 ? '' : 's'} imported as self-graded (the gap's text is too long to type, or holds a picture or sound): the question shows the gap as […], the answer fills it in`,
    });
  }
  const names = new Set<string>();
  for (const card of cards)
    for (const text of [card.question, card.answer, card.note ?? ''])
      for (const name of mediaReferences(text)) names.add(name);
  const media: ImportedMedia[] = [];
  const missingMedia: string[] = [];
  for (const name of names) {
    const found = library.get(name);
    if (found === 'missing') missingMedia.push(name);
    else if (typeof found === 'string') skipped.push({ item: `media "${name}"`, reason: found });
    else media.push(found);
  }
  const deck: Deck = {
    id,
    title: parts.name,
    description: options.descriptions?.get(parts.name) || null,
    tags: [],
    path: options.source,
    lang: options.lang ?? DEFAULT_LANG,
    cards,
  };
  return { deck, notes: parts.notes, media, missingMedia, skipped, clozeCards: clozes };
}

/** Media read once each, however many decks refer to them. */
class MediaLibrary {
  private readonly found = new Map<string, ImportedMedia | string>();
  /** Bytes read so far: a folder (or zstd media) has no declared total to check up front. */
  private total = 0;

  constructor(
    private readonly source: MediaSource,
    private readonly where: string,
  ) {}

  /** The media, 'missing', or why it was refused. */
  get(name: string): ImportedMedia | string {
    let found = this.found.get(name);
    if (found === undefined) {
      found = this.load(name);
      this.found.set(name, found);
    }
    return found;
  }

  private load(name: string): ImportedMedia | string {
    const badName = badMediaName(name);
    if (badName) return `${badName}: left out`;
    const size = this.source.size(name);
    if (size === undefined) return 'missing';
    if (size > IMPORT_LIMITS.mediaBytes)
      return `${formatBytes(size)} is more than the ${formatBytes(IMPORT_LIMITS.mediaBytes)} one file may hold: left out`;
    const bytes = this.source.read(name);
    if (bytes.length > IMPORT_LIMITS.mediaBytes)
      return `${formatBytes(bytes.length)} is more than the ${formatBytes(IMPORT_LIMITS.mediaBytes)} one file may hold: left out`;
    this.total += bytes.length;
    if (this.total > IMPORT_LIMITS.totalBytes) {
      throw new MnemoError(
        'DECK_INVALID',
        `${this.where}: media "${name}": the media add up to more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may hold: refused`,
      );
    }
    if (sniffMedia(bytes) === null)
      return 'not a picture (png, jpeg, gif, webp, svg) or sound (mp3, ogg, wav, m4a) by its content: left out';
    // Checked, then let go: the package is read again when the file is stored, so an import's media are not
    // all held at once (100 MB of them would be, besides the package).
    const source = this.source;
    return {
      name,
      get bytes() {
        return source.read(name);
      },
    };
  }
}

/** Deck ids from Anki deck names (`Spanish::Verbs` → `spanish-verbs`), unique, within the id rules. */
export function deckIds(names: string[], given: string | undefined): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let base: string;
    if (given && names.length === 1) base = given;
    else {
      const slug = slugify(name.replace(/::/g, '-'));
      const named = slug || `deck-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
      base = given ? `${given}-${named}` : named;
    }
    base = base.slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, MAX_ID_LENGTH - String(n).length - 1)}-${n}`;
    used.add(id);
    return id;
  });
}
