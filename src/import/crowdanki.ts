import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { ImportedDeck } from '../core/deck/imported.ts';
import { MnemoError } from '../core/errors.ts';
import { assembleDecks, type MediaSource } from './assemble.ts';
import { htmlToMarkdown } from './html.ts';
import { formatBytes, IMPORT_LIMITS } from './limits.ts';
import { type NoteModel, noteModelFromJson, noteModelJson, type SourceNote } from './note-model.ts';
import { ZipArchive } from './zip.ts';

export interface CrowdAnkiReadOptions {
  /** The deck id when the export holds a single deck; with several, their ids start with it. */
  deckId?: string;
  /** BCP 47 language the answers are graded in; default `en`. */
  lang?: string;
  /** The export's name in messages and `Deck.path` (default: the folder's name, or `crowdanki.zip`). */
  source?: string;
}

const DECK_FILE = 'deck.json';

const noteModel = noteModelJson.extend({ crowdanki_uuid: z.string() });
const note = z.object({
  guid: z.string().min(1),
  note_model_uuid: z.string(),
  fields: z.array(z.string()),
  tags: z.array(z.string()).optional(),
});
interface CrowdDeck {
  name: string;
  desc?: string | undefined;
  note_models?: z.infer<typeof noteModel>[] | undefined;
  notes?: z.infer<typeof note>[] | undefined;
  children?: CrowdDeck[] | undefined;
}
const crowdDeck: z.ZodType<CrowdDeck> = z.lazy(() =>
  z.object({
    name: z.string(),
    desc: z.string().optional(),
    note_models: z.array(noteModel).optional(),
    notes: z.array(note).optional(),
    children: z.array(crowdDeck).optional(),
  }),
);

/**
 * Reads a CrowdAnki export — a folder path, a zip file's path, or a zip's bytes — holding `deck.json` and `media/`:
 * one ImportedDeck per deck and sub-deck (`children`) that holds cards.
 */
export async function readCrowdAnki(
  input: string | Uint8Array,
  options: CrowdAnkiReadOptions = {},
): Promise<ImportedDeck[]> {
  const files =
    typeof input !== 'string'
      ? zipFiles(input, options.source)
      : isFile(input)
        ? zipFiles(readFileSync(input), options.source ?? basename(input))
        : folderFiles(input, options.source);
  const where = `${files.source}: ${DECK_FILE}`;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(files.deckJson()));
  } catch (error) {
    if (error instanceof MnemoError) throw error;
    throw new MnemoError('DECK_INVALID', `${where}: not valid JSON`, { cause: error });
  }
  checkDepth(json, where);
  const parsed = crowdDeck.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const path = problem?.path.length ? problem.path.join('.') : 'the top level';
    throw new MnemoError('DECK_INVALID', `${where}: ${path}: ${problem?.message ?? 'not a CrowdAnki deck'}`);
  }

  const models = new Map<string, NoteModel>();
  const descriptions = new Map<string, string>();
  const pending: { note: z.infer<typeof note>; where: string; deck: string }[] = [];
  const walk = (deck: CrowdDeck, parent: string | null, path: string) => {
    const name =
      parent === null || deck.name.startsWith(`${parent}::`) ? deck.name : `${parent}::${deck.name}`;
    if (deck.desc) descriptions.set(name, htmlToMarkdown(deck.desc));
    for (const model of deck.note_models ?? []) models.set(model.crowdanki_uuid, noteModelFromJson(model));
    (deck.notes ?? []).forEach((item, i) => {
      pending.push({ note: item, where: `${DECK_FILE} ${path}notes[${i}]`, deck: name });
    });
    (deck.children ?? []).forEach((child, i) => {
      walk(child, name, `${path}children[${i}].`);
    });
  };
  walk(parsed.data, null, '');
  // Note models may be listed in any deck of the tree: notes are tied to them once the whole tree is read.
  const notes = pending.map(({ note: item, where: at, deck }): SourceNote => {
    const model = models.get(item.note_model_uuid);
    if (!model) {
      throw new MnemoError(
        'DECK_INVALID',
        `${where}: ${at} uses note model "${item.note_model_uuid}", which is not in the file`,
      );
    }
    return {
      where: at,
      guid: item.guid,
      model,
      fields: item.fields,
      tags: item.tags ?? [],
      deckOf: () => deck,
    };
  });
  return assembleDecks(notes, files.media, {
    source: files.source,
    deckId: options.deckId,
    lang: options.lang,
    descriptions,
  });
}

/** Nesting past the limit is refused before the tree is walked (a hostile file could nest thousands deep). */
function checkDepth(json: unknown, where: string): void {
  let level: unknown[] = [json];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > IMPORT_LIMITS.depth) {
      throw new MnemoError(
        'DECK_INVALID',
        `${where}: sub-decks are nested more than ${IMPORT_LIMITS.depth} deep: refused`,
      );
    }
    level = level.flatMap((deck) =>
      typeof deck === 'object' && deck !== null && Array.isArray((deck as { children?: unknown }).children)
        ? ((deck as { children: unknown[] }).children as unknown[])
        : [],
    );
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface ExportFiles {
  source: string;
  deckJson: () => Uint8Array;
  media: MediaSource;
}

function folderFiles(folder: string, source = basename(folder)): ExportFiles {
  const path = join(folder, DECK_FILE);
  const mediaFolder = join(folder, 'media');
  const sizeOf = (file: string): number | undefined => {
    try {
      const stat = statSync(file);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    source,
    deckJson() {
      const size = sizeOf(path);
      if (size === undefined)
        throw new MnemoError('DECK_INVALID', `${source}: no ${DECK_FILE} in the folder ${folder}`);
      if (size > IMPORT_LIMITS.totalBytes) {
        throw new MnemoError(
          'DECK_INVALID',
          `${source}: ${DECK_FILE} is ${formatBytes(size)}, more than an import may hold`,
        );
      }
      return readFileSync(path);
    },
    media: {
      size: (name) => sizeOf(join(mediaFolder, name)),
      read: (name) => readFileSync(join(mediaFolder, name)),
    },
  };
}

function zipFiles(bytes: Uint8Array, source = 'crowdanki.zip'): ExportFiles {
  const zip = ZipArchive.open(bytes, source);
  // The deck may sit at the root of the zip or in one folder: the shallowest deck.json is the export's.
  const deckPath = zip
    .names()
    .filter((name) => name === DECK_FILE || name.endsWith(`/${DECK_FILE}`))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  const root = deckPath ? deckPath.slice(0, -DECK_FILE.length) : '';
  return {
    source,
    deckJson() {
      if (!deckPath)
        throw new MnemoError('DECK_INVALID', `${source}: not a CrowdAnki export (no ${DECK_FILE} inside)`);
      return zip.read(deckPath);
    },
    media: {
      size: (name) => zip.entry(`${root}media/${name}`)?.size,
      read: (name) => zip.read(`${root}media/${name}`),
    },
  };
}
