import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import type { Card, Deck } from '../core/deck/card.ts';
import type { ImportedMedia } from '../core/deck/imported.ts';
import { ownerTag } from '../core/deck/owner.ts';

/** Anki's schema-11 tables, as genanki writes them (what every Anki version opens). */
const SCHEMA = `
  create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
    ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null, tags text not null);
  create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
    usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null);
  create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
    mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
    left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
  create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
    ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
    type integer not null);
  create table graves (usn integer not null, oid integer not null, type integer not null);
  create index ix_notes_usn on notes (usn);
  create index ix_cards_usn on cards (usn);
  create index ix_revlog_usn on revlog (usn);
  create index ix_cards_nid on cards (nid);
  create index ix_cards_sched on cards (did, queue, due);
  create index ix_revlog_cid on revlog (cid);
  create index ix_notes_csum on notes (csum);`;

/** Fixed model ids, so that re-exports update the same note types in Anki. */
export const BASIC_MODEL_ID = 1_700_000_000_001;
export const CLOZE_MODEL_ID = 1_700_000_000_002;
const CSS =
  '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }';
const FIELD = (name: string, ord: number) => ({
  name,
  ord,
  sticky: false,
  rtl: false,
  font: 'Arial',
  size: 20,
  media: [],
});

function models(deckId: number, mod: number) {
  const base = {
    mod,
    usn: -1,
    sortf: 0,
    did: deckId,
    css: CSS,
    latexPre: '',
    latexPost: '',
    tags: [],
    vers: [],
  };
  return {
    [BASIC_MODEL_ID]: {
      ...base,
      id: BASIC_MODEL_ID,
      name: 'Basic',
      type: 0,
      flds: [FIELD('Front', 0), FIELD('Back', 1)],
      tmpls: [
        {
          name: 'Card 1',
          ord: 0,
          qfmt: '{{Front}}',
          afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}',
          bqfmt: '',
          bafmt: '',
          did: null,
        },
      ],
      req: [[0, 'any', [0]]],
    },
    [CLOZE_MODEL_ID]: {
      ...base,
      id: CLOZE_MODEL_ID,
      name: 'Cloze',
      type: 1,
      flds: [FIELD('Text', 0), FIELD('Back Extra', 1)],
      tmpls: [
        {
          name: 'Cloze',
          ord: 0,
          qfmt: '{{cloze:Text}}',
          afmt: '{{cloze:Text}}<br>\n{{Back Extra}}',
          bqfmt: '',
          bafmt: '',
          did: null,
        },
      ],
    },
  };
}

function decksJson(deckId: number, name: string, description: string, mod: number) {
  const deck = (id: number, deckName: string, desc: string) => ({
    id,
    name: deckName,
    desc,
    mod,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  });
  return { 1: deck(1, 'Default', ''), [deckId]: deck(deckId, name, description) };
}

const DCONF = {
  1: {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { delays: [1, 10], ints: [1, 4, 7], initialFactor: 2500, order: 1, perDay: 20, bury: false },
    rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, bury: false, hardFactor: 1.2 },
    lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 },
  },
};

/** A stable positive integer id from a text: Anki keys notes and cards by integers. */
function stableId(text: string, salt: number): number {
  return (
    1_000_000_000_000 + (Number.parseInt(ownerTag(`${salt}:${text}`), 16) % 1_000_000_000) * 1_000 + salt
  );
}

/** Card text (Mnemo's Markdown-ish text) as Anki field HTML: escaped, line breaks, pictures and sound. */
function toHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      /!\[([^\]]*)\]\(\s*([^)\s]+)\s*\)/g,
      (_, alt: string, src: string) => `<img src="${src}" alt="${alt.replace(/"/g, '&quot;')}">`,
    )
    .replace(/\n/g, '<br>');
}

function fieldsOf(card: Card): [string, string] {
  const question =
    card.kind === 'choice'
      ? `${toHtml(card.question)}<ol>${card.options.map((option) => `<li>${toHtml(option)}</li>`).join('')}</ol>`
      : toHtml(card.question);
  const back = card.note ? `${toHtml(card.answer)}<br><br>${toHtml(card.note)}` : toHtml(card.answer);
  return [question, back];
}

/** The checksum Anki keeps of a note's first field: the first 8 hex digits of its SHA-1, as a number. */
function checksum(field: string): number {
  const text = field.replace(/<[^>]*>/g, '');
  return Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/**
 * The deck as an Anki package in the schema-11 layout (`collection.anki2` and the `media` JSON map), one
 * Basic note per card, the card id as the note's GUID; no scheduling data.
 */
export async function buildApkg(
  deck: Deck,
  media: readonly ImportedMedia[] = [],
  now = 0,
): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    const mod = Math.floor(now / 1_000);
    const deckId = stableId(deck.id, 0);
    db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      mod,
      now,
      now,
      JSON.stringify({ nextPos: deck.cards.length + 1, curModel: BASIC_MODEL_ID, activeDecks: [1] }),
      JSON.stringify(models(deckId, mod)),
      JSON.stringify(decksJson(deckId, deck.title, deck.description ?? '', mod)),
      JSON.stringify(DCONF),
      '{}',
    ]);
    const note = db.prepare("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare(
      "insert into cards values (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    );
    db.run('begin');
    for (const [position, each] of deck.cards.entries()) {
      const fields = fieldsOf(each);
      const noteId = stableId(each.id, 1);
      const tags = each.tags.length > 0 ? ` ${each.tags.join(' ')} ` : '';
      note.run([
        noteId,
        each.id,
        BASIC_MODEL_ID,
        mod,
        tags,
        fields.join('\x1f'),
        fields[0],
        checksum(fields[0]),
      ]);
      card.run([stableId(each.id, 2), noteId, deckId, mod, position + 1]);
    }
    db.run('commit');
    note.free();
    card.free();
    const collection = db.export();
    const files: Record<string, Uint8Array> = { 'collection.anki2': collection };
    const map: Record<string, string> = {};
    for (const [index, file] of media.entries()) {
      map[String(index)] = file.name;
      files[String(index)] = file.bytes;
    }
    files.media = strToU8(JSON.stringify(map));
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}
