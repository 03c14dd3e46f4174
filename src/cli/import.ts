import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { readLanguageTag } from '../core/deck/language-tag.ts';
import { type DeckOwner, ownerProblem } from '../core/deck/owner.ts';
import { MnemoError } from '../core/errors.ts';
import type { Database } from '../db/client.ts';
import type { ImportSummary } from '../db/deck-import.ts';
import { parseColumnMap } from '../import/csv.ts';
import { EXPORT_FORMATS, type ExportFormat, exportDeck, loadDeck, loadDeckMedia } from '../import/export.ts';
import { formatBytes, IMPORT_LIMITS } from '../import/limits.ts';
import { importFile, previewImport } from '../import/service.ts';
import { type CommandIo, print } from './io.ts';

type Flags = Record<string, string | boolean | undefined>;

const text = (flags: Flags, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;

/** `--owner`: a community, or null for everyone's; a bad value is a usage problem, named. */
function ownerOf(flags: Flags, io: CommandIo): DeckOwner | undefined {
  const owner = text(flags, 'owner');
  if (owner === undefined) return null;
  const problem = ownerProblem(owner);
  if (problem === null) return owner;
  print(io.stderr, `mnemo: --owner: ${problem}`);
  return undefined;
}

/**
 * `mnemo cards import FILE`: reads the file (format from its content), shows what it holds and what changes,
 * and stores it unless `--dry-run`. `--json`: one JSON object per deck, one line each.
 */
export async function importCommand(
  db: Database,
  file: string,
  flags: Flags,
  io: CommandIo,
): Promise<number> {
  const owner = ownerOf(flags, io);
  if (owner === undefined) return 2;
  const info = await stat(file).catch(() => null);
  if (!info) return fail(io, [`${file}: no such file`]);
  let bytes: Uint8Array;
  if (info.isDirectory()) {
    // A CrowdAnki export folder: read as the zip of it would be, within the same bounds.
    const zipped = await zipFolder(file);
    if (typeof zipped === 'string') return fail(io, [`${file}: ${zipped}`]);
    bytes = zipped;
  } else if (info.size > IMPORT_LIMITS.totalBytes) {
    return fail(io, [
      `${file}: ${info.size} bytes, more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may have`,
    ]);
  } else bytes = new Uint8Array(await readFile(file));
  const langFlag = text(flags, 'lang');
  const lang = langFlag === undefined ? undefined : readLanguageTag(langFlag);
  if (lang && !lang.ok) {
    print(io.stderr, `mnemo: --lang: ${lang.message}`);
    return 2;
  }
  const mapSpec = text(flags, 'map');
  const deckId = text(flags, 'deck');
  let map: ReturnType<typeof parseColumnMap> | undefined;
  try {
    map = mapSpec === undefined ? undefined : parseColumnMap(mapSpec);
  } catch (error) {
    if (error instanceof MnemoError) return fail(io, error.message.split('\n'));
    throw error;
  }
  const request = {
    owner,
    allowRetire: flags['allow-retire'] === true,
    ...(deckId ? { deckId } : {}),
    ...(lang?.ok ? { lang: lang.tag } : {}),
    ...(map ? { map } : {}),
  };
  const input = { bytes, path: file, mediaFolder: dirname(file) };
  const dryRun = flags['dry-run'] === true;
  // Read and stored once; a dry run reads and writes nothing.
  const done = await (dryRun ? previewImport : importFile)(db, input, request);
  if (!done.ok) return fail(io, done.problems);
  const summaries = done.decks;
  if (flags.json === true) {
    for (const summary of summaries) print(io.stdout, JSON.stringify(summary));
    return 0;
  }
  for (const summary of summaries) print(io.stdout, summaryText(summary));
  print(io.stdout, done.notice);
  print(io.stdout, dryRun ? 'Dry run: nothing was stored.' : `Stored for ${owner ?? 'everyone'}.`);
  return 0;
}

function summaryText(summary: ImportSummary): string {
  const { cards, kinds, media } = summary;
  return [
    `Deck ${summary.deck.id} (${summary.deck.title}): ${summary.notes} notes, cards: typed ${kinds.typed}, choice ${kinds.choice}, self-graded ${kinds.self}, cloze ${kinds.cloze}`,
    `  added ${cards.added}, updated ${cards.updated}, unchanged ${cards.unchanged}, retired ${cards.retired}; media stored ${media.stored}, missing ${media.missing}`,
    ...summary.skipped.map((skipped) => `  skipped ${skipped.item}: ${skipped.reason}`),
  ].join('\n');
}

/** A CrowdAnki folder (`deck.json` and `media/`) as an uncompressed zip, or what keeps it from being one. */
async function zipFolder(folder: string): Promise<Uint8Array | string> {
  if (!(await stat(join(folder, 'deck.json')).catch(() => null))?.isFile())
    return 'a folder without deck.json: not a CrowdAnki export';
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const walk = async (dir: string, depth: number): Promise<string | null> => {
    if (depth > 4) return `${dir}: folders nest too deep`;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const problem = await walk(path, depth + 1);
        if (problem) return problem;
      } else if (entry.isFile()) {
        total += (await stat(path)).size;
        if (total > IMPORT_LIMITS.totalBytes)
          return `more than the ${formatBytes(IMPORT_LIMITS.totalBytes)} an import may have`;
        files[relative(folder, path).split(sep).join('/')] = new Uint8Array(await readFile(path));
      }
    }
    return null;
  };
  const problem = await walk(folder, 0);
  return problem ?? zipSync(files, { level: 0 });
}

function fail(io: CommandIo, problems: readonly string[]): number {
  for (const problem of problems) print(io.stderr, problem);
  print(io.stderr, 'mnemo: nothing was imported.');
  return 1;
}

/** `mnemo cards export DECK --format md|csv|apkg [--out FILE] [--owner …]`. */
export async function exportCommand(db: Database, id: string, flags: Flags, io: CommandIo): Promise<number> {
  const owner = ownerOf(flags, io);
  if (owner === undefined) return 2;
  const format = (text(flags, 'format') ?? 'md') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    print(io.stderr, `mnemo: --format: "${format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
    return 2;
  }
  const deck = await loadDeck(db, owner, id);
  if (!deck) {
    print(io.stderr, `mnemo: no deck "${id}" ${owner ? `of ${owner}` : "of everyone's"}.`);
    return 1;
  }
  const media = format === 'apkg' ? await loadDeckMedia(db, owner, id) : [];
  const bytes = await exportDeck(deck, format, { media, now: Date.now() });
  const out = text(flags, 'out');
  if (out === undefined) {
    io.stdout.write(bytes);
    return 0;
  }
  await writeFile(out, bytes);
  print(io.stderr, `Wrote ${deck.cards.length} cards of ${deck.id} to ${out} (${format}).`);
  return 0;
}
