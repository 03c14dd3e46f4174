import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import type { Card, Deck } from '../src/core/deck/card.ts';
import type { ImportedMedia } from '../src/core/deck/imported.ts';
import { buildApkg } from '../src/import/apkg-export.ts';
import { COMMANDS } from './bot-idle.ts';
import type { BenchDatabase } from './database.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

const IMAGE_BYTES = 4_096; // each generated picture

/**
 * A distinct PNG-signed file of `size` bytes: content differs per index, so each is stored once, and is
 * noise (as a real picture's compressed data is), so the package does not shrink it.
 */
function picture(index: number, size = IMAGE_BYTES): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = index + 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
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

/** What one import process measured (bench/import-process.ts). */
export interface ImportRun {
  firstMs: number;
  /** Of firstMs: the preview (read, dry run, file kept) before the confirmation. */
  firstPreviewMs: number;
  firstPeakRssMb: number;
  againMs: number;
  againPeakRssMb: number;
  againRowsWritten: number;
  cards: number;
  mediaStored: number;
  /** Memory after each step, for a profile of where it goes. */
  stages: ImportStage[];
}

export interface ImportStage {
  name: string;
  rssMb: number;
  heapMb: number;
  /** Buffers outside the JS heap (file bytes, WASM memory). */
  externalMb: number;
}

const SCRIPT = fileURLToPath(new URL('./import-process.ts', import.meta.url));

/** The bot's own flag (`npm start`): a small young generation, so garbage is collected before RSS grows. */
const BOT_FLAGS = COMMANDS.tsx.slice(0, COMMANDS.tsx.indexOf('--import'));

/** Runs one import in a process of its own (tsx, as `npm start` runs the bot), so its RSS is the import's. */
function importProcess(file: string, url: string | null): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const args = [...BOT_FLAGS, ...process.execArgv, SCRIPT, file, ...(url ? [url] : [])];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the import process exited with ${code}`));
      else resolve(JSON.parse(out) as ImportRun);
    });
  });
}

/**
 * Importing a generated deck (`importNotes` notes, `importImages` pictures) for a community as chat does it
 * (preview, then confirm), in a process of its own: its time, its peak RSS, and the unchanged re-import,
 * which must write 0 rows. The .apkg holds the pictures; the CSV text (Anki's export) names them only.
 */
export async function importSuite(
  db: BenchDatabase,
  sizes: Sizes,
  log: (line: string) => void,
): Promise<Result[]> {
  const { csv, apkg } = await generatedImport(sizes.importNotes, sizes.importImages);
  const dir = await mkdtemp(join(tmpdir(), 'mnemo-import-bench-'));
  const results: Result[] = [];
  try {
    for (const [format, bytes] of [
      ['apkg', apkg],
      ['csv', csv],
    ] as const) {
      const file = join(dir, `generated-${format}.${format}`);
      await writeFile(file, bytes);
      log(
        `import: ${format} (${(bytes.length / 2 ** 20).toFixed(1)} MB), ${sizes.importNotes} notes, ${sizes.importImages} pictures, in its own process`,
      );
      const run = await importProcess(file, db.url);
      log(`import: ${format} memory by step: ${run.stages.map(describeStage).join('; ')}`);
      results.push(
        result(`import_${format}_first_total`, run.firstMs, 'ms'),
        result(`import_${format}_first_preview`, run.firstPreviewMs, 'ms'),
        result(`import_${format}_first_peak_rss`, run.firstPeakRssMb, 'MB'),
        result(`import_${format}_unchanged_total`, run.againMs, 'ms'),
        result(`import_${format}_unchanged_peak_rss`, run.againPeakRssMb, 'MB'),
        result(`import_${format}_unchanged_rows_written`, run.againRowsWritten, 'rows'),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

const describeStage = (stage: ImportStage) =>
  `${stage.name} ${stage.rssMb} MB (heap ${stage.heapMb}, buffers ${stage.externalMb})`;
