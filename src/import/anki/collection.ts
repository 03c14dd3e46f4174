import { z } from 'zod';
import { MnemoError } from '../../core/errors.ts';
import { htmlToMarkdown } from '../html.ts';
import { IMPORT_LIMITS } from '../limits.ts';
import { type NoteModel, noteModelFromJson, noteModelJson, type SourceNote } from '../note-model.ts';
import { messageField, numberField, readMessage, stringField } from './protobuf.ts';
import type { Database } from './sqlite.ts';

/** What an Anki collection holds that becomes cards: note types, deck names, and the notes themselves. */
export interface Collection {
  /** Deck descriptions (Markdown) by full deck name. */
  descriptions: Map<string, string>;
  notes: () => Generator<SourceNote>;
}

const OLDEST_SCHEMA = 11;
const NEWEST_SCHEMA = 18;
const FIELD_SEPARATOR = '\x1f';

const legacyModels = z.record(z.string(), noteModelJson);
const legacyDecks = z.record(z.string(), z.object({ name: z.string(), desc: z.string().optional() }));

/** Reads the collection: schema 11 (models and decks as JSON in `col`) or schema 15–18 (their own tables). */
export function readCollection(db: Database, where: string): Collection {
  const row = query(db, where, 'SELECT ver, models, decks FROM col LIMIT 1')[0];
  if (!row) throw new MnemoError('DECK_INVALID', `${where}: the collection has no "col" row`);
  const schema = Number(row[0]);
  if (!(schema >= OLDEST_SCHEMA && schema <= NEWEST_SCHEMA)) {
    throw new MnemoError(
      'DECK_INVALID',
      `${where}: collection schema ${row[0]} is not supported (Mnemo reads schemas ${OLDEST_SCHEMA} to ${NEWEST_SCHEMA})`,
    );
  }
  const hasTables =
    query(db, where, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").length > 0;
  const { models, decks } = hasTables
    ? { models: tableModels(db, where), decks: tableDecks(db, where) }
    : { models: jsonModels(String(row[1] ?? ''), where), decks: jsonDecks(String(row[2] ?? ''), where) };

  const noteCount = Number(query(db, where, 'SELECT count(*) FROM notes')[0]?.[0] ?? 0);
  if (noteCount > IMPORT_LIMITS.notes) {
    throw new MnemoError(
      'DECK_INVALID',
      `${where}: holds ${noteCount.toLocaleString('en-US')} notes, more than the ${IMPORT_LIMITS.notes.toLocaleString('en-US')} an import may hold: refused`,
    );
  }
  const descriptions = new Map<string, string>();
  for (const deck of decks.values()) if (deck.description) descriptions.set(deck.name, deck.description);

  const cardDecks = new Map<number, Map<number, number>>();
  for (const [nid, ord, did] of query(
    db,
    where,
    'SELECT nid, ord, CASE WHEN odid != 0 THEN odid ELSE did END FROM cards ORDER BY nid, ord',
  )) {
    const byOrd = cardDecks.get(Number(nid)) ?? new Map<number, number>();
    byOrd.set(Number(ord), Number(did));
    cardDecks.set(Number(nid), byOrd);
  }
  const deckName = (id: number | undefined) =>
    (id !== undefined ? decks.get(id)?.name : undefined) ?? 'Default';

  function* notes(): Generator<SourceNote> {
    const statement = prepare(db, where, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id');
    try {
      while (step(statement, where)) {
        const [id, guid, mid, tags, fields] = statement.get();
        const model = models.get(Number(mid));
        const at = `note ${id}`;
        if (!model)
          throw new MnemoError(
            'DECK_INVALID',
            `${where}: ${at} uses a note type (${mid}) the collection lacks`,
          );
        const byOrd = cardDecks.get(Number(id));
        const home = byOrd?.values().next().value;
        yield {
          where: at,
          guid: String(guid ?? id),
          model,
          fields: String(fields ?? '').split(FIELD_SEPARATOR),
          tags: String(tags ?? '')
            .split(/\s+/)
            .filter((tag) => tag !== ''),
          deckOf: (ord) => deckName(byOrd?.get(ord) ?? home),
        };
      }
    } finally {
      statement.free();
    }
  }
  return { descriptions, notes };
}

type Statement = ReturnType<Database['prepare']>;
type Row = ReturnType<Statement['get']>;

function query(db: Database, where: string, sql: string): Row[] {
  const statement = prepare(db, where, sql);
  const rows: Row[] = [];
  try {
    while (step(statement, where)) rows.push(statement.get());
  } finally {
    statement.free();
  }
  return rows;
}

function prepare(db: Database, where: string, sql: string): Statement {
  try {
    return db.prepare(sql);
  } catch (error) {
    throw sqliteError(where, error);
  }
}

function step(statement: Statement, where: string): boolean {
  try {
    return statement.step();
  } catch (error) {
    throw sqliteError(where, error);
  }
}

export function sqliteError(where: string, error: unknown): MnemoError {
  const detail = error instanceof Error ? error.message : String(error);
  return new MnemoError('DECK_INVALID', `${where}: not a readable Anki collection (SQLite: ${detail})`, {
    cause: error,
  });
}

interface DeckInfo {
  name: string;
  description: string;
}

function jsonModels(json: string, where: string): Map<number, NoteModel> {
  const parsed = legacyModels.safeParse(parseJson(json, where, 'models'));
  if (!parsed.success)
    throw new MnemoError('DECK_INVALID', `${where}: the note types in "col.models" are malformed`);
  const models = new Map<number, NoteModel>();
  for (const [id, model] of Object.entries(parsed.data)) {
    models.set(Number(id), noteModelFromJson(model));
  }
  return models;
}

function jsonDecks(json: string, where: string): Map<number, DeckInfo> {
  const parsed = legacyDecks.safeParse(parseJson(json, where, 'decks'));
  if (!parsed.success)
    throw new MnemoError('DECK_INVALID', `${where}: the decks in "col.decks" are malformed`);
  return new Map(
    Object.entries(parsed.data).map(([id, deck]) => [
      Number(id),
      { name: deck.name, description: htmlToMarkdown(deck.desc ?? '') },
    ]),
  );
}

function parseJson(json: string, where: string, column: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new MnemoError('DECK_INVALID', `${where}: "col.${column}" is not valid JSON`, { cause: error });
  }
}

function tableModels(db: Database, where: string): Map<number, NoteModel> {
  const models = new Map<number, NoteModel>();
  try {
    for (const [id, name, config] of query(db, where, 'SELECT id, name, config FROM notetypes')) {
      const kind = numberField(readMessage(asBytes(config)), 1);
      models.set(Number(id), { name: String(name), cloze: kind === 1, fields: [], templates: [] });
    }
    for (const [ntid, name] of query(db, where, 'SELECT ntid, name FROM fields ORDER BY ntid, ord')) {
      models.get(Number(ntid))?.fields.push(String(name));
    }
    for (const [ntid, ord, name, config] of query(
      db,
      where,
      'SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord',
    )) {
      const fields = readMessage(asBytes(config));
      models.get(Number(ntid))?.templates.push({
        ord: Number(ord),
        name: String(name),
        question: stringField(fields, 1),
        answer: stringField(fields, 2),
      });
    }
  } catch (error) {
    if (error instanceof MnemoError) throw error;
    throw new MnemoError('DECK_INVALID', `${where}: a note type's settings are malformed`, { cause: error });
  }
  return models;
}

function tableDecks(db: Database, where: string): Map<number, DeckInfo> {
  const decks = new Map<number, DeckInfo>();
  for (const [id, name, kind] of query(db, where, 'SELECT id, name, kind FROM decks')) {
    let description = '';
    try {
      // DeckKind { Normal normal = 1 { … string description = 4 } }
      description = stringField(messageField(readMessage(asBytes(kind)), 1), 4);
    } catch {
      // A deck whose settings cannot be read still has its name and cards.
    }
    decks.set(Number(id), {
      name: String(name).split(FIELD_SEPARATOR).join('::'),
      description: htmlToMarkdown(description),
    });
  }
  return decks;
}

const asBytes = (value: unknown): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array(0));
