import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';

/** Builds Anki packages for tests, in the three layouts Anki and genanki write. */

export interface TestNoteType {
  id: number;
  name: string;
  cloze?: boolean;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
}

export interface TestNote {
  id: number;
  guid: string;
  noteType: number;
  fields: string[];
  tags?: string[];
  /** Deck id of each card by ordinal (default: the first deck, every template or cloze). */
  decks?: Record<number, number>;
  /** Ordinals to make cards for (default: every template; cloze: 0). */
  ords?: number[];
}

export interface TestCollection {
  noteTypes: TestNoteType[];
  decks: { id: number; name: string; description?: string }[];
  notes: TestNote[];
  /** Media by name. */
  media?: Record<string, Uint8Array>;
  /** Overrides the `col.ver` written. */
  schema?: number;
  /** SQL run on the collection once it is written. */
  sql?: string;
}

export type Layout = 'anki2' | 'anki21' | 'anki21b';

export const BASIC: TestNoteType = {
  id: 1_000,
  name: 'Basic',
  fields: ['Front', 'Back'],
  templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' }],
};
export const REVERSED: TestNoteType = {
  id: 1_001,
  name: 'Basic (and reversed card)',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ],
};
export const OPTIONAL_REVERSED: TestNoteType = {
  id: 1_002,
  name: 'Basic (optional reversed card)',
  fields: ['Front', 'Back', 'Add Reverse'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
    {
      name: 'Card 2',
      qfmt: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}',
      afmt: '{{FrontSide}}<hr id=answer>{{Front}}',
    },
  ],
};
export const TYPING: TestNoteType = {
  id: 1_003,
  name: 'Basic (type in the answer)',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}<hr id=answer>{{type:Back}}' },
  ],
};
export const CLOZE: TestNoteType = {
  id: 1_004,
  name: 'Cloze',
  cloze: true,
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
};

let engine: ReturnType<typeof initSqlJs> | null = null;

const SCHEMA_11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_nid on cards (nid);`;

// Written with NOCASE, then renamed to unicase below: sql.js cannot create a table with an unknown collation.
const SCHEMA_18_TABLES = `
CREATE TABLE notetypes (id integer not null primary key, name text not null COLLATE NOCASE,
  mtime_secs integer not null, usn integer not null, config blob not null);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null COLLATE NOCASE,
  config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null COLLATE NOCASE,
  mtime_secs integer not null, usn integer not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE decks (id integer primary key not null, name text not null COLLATE NOCASE, mtime_secs integer not null,
  usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text not null primary key COLLATE NOCASE, usn integer not null, collapsed boolean not null,
  config blob null) without rowid;`;

export async function collectionBytes(collection: TestCollection, layout: Layout): Promise<Uint8Array> {
  engine ??= initSqlJs();
  const SQL = await engine;
  const db = new SQL.Database();
  const modern = layout === 'anki21b';
  db.exec(SCHEMA_11);
  if (modern) db.exec(SCHEMA_18_TABLES);
  const models = Object.fromEntries(
    collection.noteTypes.map((nt) => [
      String(nt.id),
      {
        id: nt.id,
        name: nt.name,
        type: nt.cloze ? 1 : 0,
        flds: nt.fields.map((name, ord) => ({ name, ord })),
        tmpls: nt.templates.map((t, ord) => ({ ...t, ord })),
        css: '.card {}',
      },
    ]),
  );
  const decks = Object.fromEntries(
    collection.decks.map((d) => [String(d.id), { id: d.id, name: d.name, desc: d.description ?? '' }]),
  );
  db.run('INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, ?, ?, ?, ?, ?)', [
    collection.schema ?? (modern ? 18 : 11),
    '{}',
    modern ? '' : JSON.stringify(models),
    modern ? '' : JSON.stringify(decks),
    '{}',
    '{}',
  ]);
  if (modern) {
    for (const nt of collection.noteTypes) {
      db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [
        nt.id,
        nt.name,
        message([
          [1, nt.cloze ? 1 : 0],
          [3, '.card {}'],
        ]),
      ]);
      nt.fields.forEach((name, ord) => {
        db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [nt.id, ord, name, message([])]);
      });
      nt.templates.forEach((t, ord) => {
        db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [
          nt.id,
          ord,
          t.name,
          message([
            [1, t.qfmt],
            [2, t.afmt],
          ]),
        ]);
      });
    }
    for (const d of collection.decks) {
      const kind = message([
        [
          1,
          message([
            [1, 1],
            [4, d.description ?? ''],
          ]),
        ],
      ]);
      db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
        d.id,
        d.name.split('::').join('\x1f'),
        message([]),
        kind,
      ]);
    }
  }
  const firstDeck = collection.decks[0]?.id ?? 1;
  let cardId = 1;
  for (const note of collection.notes) {
    const nt = collection.noteTypes.find((n) => n.id === note.noteType);
    const tags = note.tags?.length ? ` ${note.tags.join(' ')} ` : '';
    db.run('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, ?)', [
      note.id,
      note.guid,
      note.noteType,
      tags,
      note.fields.join('\x1f'),
      note.fields[0] ?? '',
      '',
    ]);
    const ords = note.ords ?? (nt?.cloze ? [0] : (nt?.templates.map((_t, i) => i) ?? [0]));
    for (const ord of ords) {
      db.run('INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 2, 2, 100, 30, 2500, 5, 1, 0, 0, 0, 0, ?)', [
        cardId++,
        note.id,
        note.decks?.[ord] ?? firstDeck,
        ord,
        '',
      ]);
    }
    // A review log entry: scheduling data the import must ignore.
    db.run('INSERT INTO revlog VALUES (?, ?, 0, 3, 30, 10, 2500, 5000, 1)', [cardId, cardId - 1]);
  }
  if (collection.sql) db.exec(collection.sql);
  if (modern) {
    const version = Number(db.exec('PRAGMA schema_version')[0]?.values[0]?.[0] ?? 0);
    db.exec(`PRAGMA writable_schema = ON;
      UPDATE sqlite_master SET sql = replace(sql, 'COLLATE NOCASE', 'COLLATE unicase') WHERE sql LIKE '%COLLATE NOCASE%';
      PRAGMA schema_version = ${version + 1};
      PRAGMA writable_schema = OFF;`);
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Zips a collection and its media the way Anki lays out each package version. */
export async function ankiPackage(
  collection: TestCollection,
  layout: Layout,
  extra: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const sqlite = await collectionBytes(collection, layout);
  const files: Record<string, Uint8Array> = {};
  const media = Object.entries(collection.media ?? {});
  if (layout === 'anki21b') {
    files['collection.anki21b'] = zstdRaw(sqlite);
    // Anki writes a stub legacy collection beside the real one, for older versions to read.
    files['collection.anki2'] = await collectionBytes(
      {
        noteTypes: [BASIC],
        decks: [{ id: 1, name: 'Default' }],
        notes: [{ id: 1, guid: 'stub', noteType: BASIC.id, fields: ['Please update Anki', 'stub'] }],
      },
      'anki2',
    );
    files.media = zstdRaw(
      message(
        media.map(([name, bytes]) => [
          1,
          message([
            [1, name],
            [2, bytes.length],
          ]),
        ]),
      ),
    );
    media.forEach(([, bytes], i) => {
      files[String(i)] = zstdRaw(bytes);
    });
    files.meta = message([[1, 3]]);
  } else {
    files[`collection.${layout}`] = sqlite;
    files.media = strToU8(JSON.stringify(Object.fromEntries(media.map(([name], i) => [String(i), name]))));
    media.forEach(([, bytes], i) => {
      files[String(i)] = bytes;
    });
  }
  return zipSync({ ...files, ...extra });
}

type ProtoField = [number, number | string | Uint8Array];

/** A protobuf message from varint, string and bytes fields. */
export function message(fields: ProtoField[]): Uint8Array {
  const out: number[] = [];
  const varint = (value: number) => {
    let v = value;
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  };
  for (const [number, value] of fields) {
    if (typeof value === 'number') {
      varint(number * 8);
      varint(value);
    } else {
      const bytes = typeof value === 'string' ? strToU8(value) : value;
      varint(number * 8 + 2);
      varint(bytes.length);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

const ZSTD_BLOCK = 128 * 1024;

/** A valid zstd frame holding the data in raw (stored) blocks: a real, if unambitious, zstd encoder. */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / ZSTD_BLOCK));
  const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + data.length);
  out.set([0x28, 0xb5, 0x2f, 0xfd, 0xa0], 0); // magic; single segment, 4-byte content size
  new DataView(out.buffer).setUint32(5, data.length, true);
  let at = 9;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * ZSTD_BLOCK, (i + 1) * ZSTD_BLOCK);
    const header = (chunk.length << 3) | (i === blocks - 1 ? 1 : 0); // raw block type 0
    out.set([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff], at);
    out.set(chunk, at + 3);
    at += 3 + chunk.length;
  }
  return out;
}

/** Minimal valid media: the first bytes are what counts. */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
export const MP3 = Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
