import { Resvg } from '@resvg/resvg-js';
import { type CardMedia, type CardSide, MAX_ATTACHMENTS } from '../chat/card-media.ts';
import type { Attachment } from '../chat/reply.ts';
import type { Card } from '../core/deck/card.ts';
import { cardTexts, mediaRefsIn } from '../core/deck/media-refs.ts';
import { MAX_MEDIA_BYTES } from '../core/media/mime.ts';
import type { DeckFiles, MediaStore, StoredFile } from '../core/media/ports.ts';
import { MathImages, mathAttachments } from './math.ts';

const SVG_WIDTH = 1_200; // px: an SVG picture is drawn this wide at most
/** What an SVG may not hold: another file or page pulled in (resvg would read an `<image>` from disk). */
const SVG_OUTSIDE =
  /<(image|foreignObject|script)\b|(?:href|src)\s*=\s*["']\s*(?![#])|url\(\s*["']?\s*(?![#"'])/i;

/**
 * A card's files as replies attach them: the pictures and sound its text names (stored per deck in the media
 * table), an SVG drawn to PNG, and each formula as a PNG cached in the media table (see MathImages).
 */
export class CardFiles implements Pick<CardMedia, 'files'> {
  readonly #deckFiles: DeckFiles;
  readonly #math: MathImages;

  constructor(deckFiles: DeckFiles, store: MediaStore, math = new MathImages(store)) {
    this.#deckFiles = deckFiles;
    this.#math = math;
  }

  async files(card: Card, side: CardSide): Promise<Attachment[]> {
    const texts = cardTexts(card, side);
    const refs = new Map(mediaRefsIn(texts).map((ref) => [ref.name, ref]));
    const stored = await this.#deckFiles.deckFiles(card.deckId, [...refs.keys()]);
    const out: Attachment[] = [];
    for (const ref of refs.values()) {
      const file = stored.get(ref.name);
      const attachment = file ? fileAttachment(ref.name, ref.alt, file) : null;
      if (attachment) out.push(attachment);
    }
    if (out.length >= MAX_ATTACHMENTS) return out.slice(0, MAX_ATTACHMENTS);
    for (const math of await mathAttachments(texts.join('\n'), this.#math)) {
      out.push({ name: math.name, bytes: math.png, mime: 'image/png', description: math.alt });
    }
    return out.slice(0, MAX_ATTACHMENTS);
  }
}

/** A stored file as a message carries it; an SVG drawn to PNG. Null when it cannot be shown. */
function fileAttachment(name: string, alt: string | null, file: StoredFile): Attachment | null {
  const shown = fileName(name);
  const description = alt || shown;
  if (file.mime !== 'image/svg+xml') return { name: shown, bytes: file.bytes, mime: file.mime, description };
  const png = svgPicture(file.bytes);
  return png
    ? { name: `${shown.replace(/\.svgz?$/i, '')}.png`, bytes: png, mime: 'image/png', description }
    : null;
}

/** An SVG as a PNG, drawn with no system font and nothing from outside it; null when it refers outside. */
function svgPicture(bytes: Uint8Array): Uint8Array | null {
  const svg = new TextDecoder().decode(bytes);
  if (SVG_OUTSIDE.test(svg)) return null;
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'width', value: SVG_WIDTH },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return png.length > MAX_MEDIA_BYTES ? null : new Uint8Array(png);
}

/** The name a platform shows: the last part of the path, in characters every platform keeps. */
function fileName(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.replace(/[^A-Za-z0-9._-]/g, '_').slice(-100) || 'file';
}

/** The card media port of a bot: CardFiles, with failures told to `onError`. */
export function cardMedia(
  deckFiles: DeckFiles,
  store: MediaStore,
  onError: CardMedia['onError'],
  math?: MathImages,
): CardMedia {
  const files = new CardFiles(deckFiles, store, math);
  return { files: (card, side) => files.files(card, side), onError };
}
