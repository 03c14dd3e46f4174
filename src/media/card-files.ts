import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { type CardMedia, type CardSide, MAX_ATTACHMENTS } from '../chat/card-media.ts';
import type { Attachment } from '../chat/reply.ts';
import type { Card } from '../core/deck/card.ts';
import { cardTexts, mediaRefsIn } from '../core/deck/media-refs.ts';
import { mediaProblem } from '../core/media/mime.ts';
import type { DeckFiles, MediaStore, StoredFile } from '../core/media/ports.ts';
import { MathImages, mathAttachments } from './math.ts';

const SVG_BOX = { width: 1_200, height: 1_200 } as const; // px: an SVG picture is drawn to fit in this
/** What an SVG may not hold: another file or page pulled in (resvg would read an `<image>` from disk). */
const SVG_OUTSIDE =
  /<(image|foreignObject|script)\b|(?:href|src)\s*=\s*["']\s*(?![#])|url\(\s*["']?\s*(?![#"'])/i;

/**
 * A card's files as replies attach them: the pictures and sound its text names (stored per deck in the media
 * table), an SVG drawn to PNG, and each formula as a PNG. Drawn pictures are cached in the media table by the
 * hash of what they were drawn from (see MathImages), so a card shown again draws nothing.
 */
export class CardFiles implements Pick<CardMedia, 'files'> {
  readonly #deckFiles: DeckFiles;
  readonly #store: MediaStore;
  readonly #math: MathImages;

  constructor(deckFiles: DeckFiles, store: MediaStore, math = new MathImages(store)) {
    this.#deckFiles = deckFiles;
    this.#store = store;
    this.#math = math;
  }

  async files(card: Card, side: CardSide): Promise<Attachment[]> {
    const texts = cardTexts(card, side);
    const refs = new Map(mediaRefsIn(texts).map((ref) => [ref.name, ref]));
    const stored = await this.#deckFiles.deckFiles(card.deckId, [...refs.keys()]);
    const out: Attachment[] = [];
    for (const ref of refs.values()) {
      const file = stored.get(ref.name);
      const attachment = file ? await this.#attachment(ref.name, ref.alt, file) : null;
      if (attachment) out.push(attachment);
    }
    if (out.length >= MAX_ATTACHMENTS) return out.slice(0, MAX_ATTACHMENTS);
    for (const math of await mathAttachments(texts, this.#math)) {
      out.push({ name: math.name, bytes: math.png, mime: 'image/png', description: math.alt });
    }
    return out.slice(0, MAX_ATTACHMENTS);
  }

  /** A stored file as a message carries it; an SVG drawn to PNG. Null when it cannot be shown. */
  async #attachment(name: string, alt: string | null, file: StoredFile): Promise<Attachment | null> {
    const shown = fileName(name);
    const description = alt || shown;
    if (file.mime !== 'image/svg+xml')
      return { name: shown, bytes: file.bytes, mime: file.mime, description };
    const png = await this.#svgPicture(file.bytes);
    return png
      ? { name: `${shown.replace(/\.svgz?$/i, '')}.png`, bytes: png, mime: 'image/png', description }
      : null;
  }

  /** An SVG as a PNG, drawn once (then read from the media table); null when it cannot be drawn safely. */
  async #svgPicture(bytes: Uint8Array): Promise<Uint8Array | null> {
    const source = `svg:${createHash('sha256').update(bytes).digest('base64url')}`;
    const stored = await this.#store.rendered(source);
    if (stored) return stored.bytes;
    const png = drawSvg(new TextDecoder().decode(bytes));
    if (!png || mediaProblem(png)) return null;
    await this.#store.putMedia(png, 'image/png', source);
    return png;
  }
}

/** The SVG drawn to fit SVG_BOX, with no system font and nothing from outside it; null when it refers outside or is not SVG. */
function drawSvg(svg: string): Uint8Array | null {
  if (SVG_OUTSIDE.test(svg)) return null;
  try {
    const options = { font: { loadSystemFonts: false }, logLevel: 'off' } as const;
    const size = new Resvg(svg, options);
    const zoom = Math.min(SVG_BOX.width / size.width, SVG_BOX.height / size.height);
    if (!Number.isFinite(zoom) || zoom <= 0) return null;
    const png = new Resvg(svg, { ...options, fitTo: { mode: 'zoom', value: zoom } }).render().asPng();
    return new Uint8Array(png);
  } catch {
    // Not an SVG resvg can read: the picture is left out, the card is still shown.
    return null;
  }
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
