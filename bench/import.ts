import { strToU8 } from 'fflate';
import type { Card, Deck } from '../src/core/deck/card.ts';
import type { ImportedMedia } from '../src/core/deck/imported.ts';
import { MnemoError } from '../src/core/errors.ts';
import { importDeck } from '../src/db/deck-import.ts';
import { buildApkg } from '../src/import/apkg-export.ts';
import { readImport } from '../src/import/read.ts';
import type { BenchDatabase } from './database.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const OWNER = 'discord:1';
const IMAGE_BYTES = 4_096; // each generated picture

/** A distinct PNG-signed file of `size` bytes: content differs per index, so each is stored once. */
function picture(index: number, size = IMAGE_BYTES): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  new DataView(bytes.buffer).setUint32(8, index);
  return bytes;
}

/**
 * A generated deck of `notes` notes, every `notes / images`-th showing a picture: as Anki's tab-separated text
 * export, and (built by Mnemo's own .apkg export) as a schema-11 package with the pictures inside.
 */
export async function generatedImport(notes: number, images: number) {
  const every = Math.max(1, Math.floor(notes / Math.max(images, 1)));
  const media: ImportedMedia[] = [];
  const cards: Card[] = [];
  const rows = ['#separator:tab', '#html:true', '#columns:guid\tfront\tback\ttags', '#guid column:1'];
  for (let i = 0; i < notes; i++) {
    const pictured = i % every === 0 && media.length < images;
    const name = `img-${media.length}.png`;
    if (pictured) media.push({ name, bytes: picture(media.length) });
    const question = `What is word number ${i}?${pictured ? ` <img src="${name}">` : ''}`;
    rows.push(`n${i}\t${question}\tanswer ${i}\tgenerated`);
    cards.push({
      id: `n${i}`,
      deckId: 'generated',
      kind: 'typed',
      question: pictured ? `What is word number ${i}? ![picture ${i}](${name})` : `What is word number ${i}?`,
      answer: `answer ${i}`,
      accept: [],
      options: [],
      correctOption: null,
      note: null,
      tags: ['generated'],
      lang: 'en',
      position: i,
      line: i + 1,
    });
  }
  const deck: Deck = {
    id: 'generated',
    title: 'Generated',
    description: null,
    lang: 'en',
    tags: [],
    path: 'generated',
    cards,
  };
  return { csv: strToU8(`${rows.join('\n')}\n`), apkg: await buildApkg(deck, media, 0), media };
}

/** Peak resident set size while `run` runs, sampled every 20 ms. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await run();
    return {
      value,
      ms: performance.now() - started,
      peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Importing a generated deck (`importNotes` notes, `importImages` pictures) for a community: read + store,
 * its peak RSS, and the unchanged re-import, which must write 0 rows. The CSV text carries no picture files,
 * so its pictures are handed in as the package's; the .apkg runs once an Anki reader is wired.
 */
export async function importSuite(
  db: BenchDatabase,
  sizes: Sizes,
  log: (line: string) => void,
): Promise<Result[]> {
  const { csv, apkg, media } = await generatedImport(sizes.importNotes, sizes.importImages);
  const results: Result[] = [];
  const importOnce = async (bytes: Uint8Array, path: string, extraMedia: readonly ImportedMedia[]) => {
    const decks = await readImport({ bytes, path }, { deckId: path.replace('.', '-') });
    for (const deck of decks) deck.media.push(...extraMedia);
    const outcome = await importDeck(db.connection.db, decks, { owner: OWNER, dryRun: false });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.rowsWritten;
  };
  for (const [format, bytes, extra] of [
    ['csv', csv, media],
    ['apkg', apkg, []],
  ] as const) {
    log(`import: ${format}, ${sizes.importNotes} notes, ${sizes.importImages} pictures`);
    try {
      const first = await withPeakRss(() => importOnce(bytes, `generated.${format}`, extra));
      const again = await withPeakRss(() => importOnce(bytes, `generated.${format}`, extra));
      results.push(
        result(`import_${format}_first_total`, first.ms, 'ms'),
        result(`import_${format}_first_peak_rss`, first.peakMb, 'MB'),
        result(`import_${format}_unchanged_total`, again.ms, 'ms'),
        result(`import_${format}_unchanged_rows_written`, again.value, 'rows'),
      );
    } catch (error) {
      if (!(error instanceof MnemoError && error.message.includes('not yet supported'))) throw error;
      log(`import: ${format} skipped: ${error.message}`);
    }
  }
  return results;
}
