import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import type { MediaStore } from '../core/media/ports.ts';
import { mathOf } from '../core/text/segments.ts';

/** A formula as a picture, with its TeX as the alternative text. */
export interface MathImage {
  ok: true;
  png: Uint8Array;
  alt: string;
}

/** TeX that MathJax cannot read, with its message ("Missing close brace"). */
export interface MathError {
  ok: false;
  alt: string;
  message: string;
}

const LIMITS = {
  tex: 2_000, // characters: a card's formula, not a paper
  width: 2_000, // px of the picture
  height: 1_000, // px
} as const;
/** Pixels per em (MathJax draws 1,000 units to the em): a 20 px font, drawn at twice that for sharp screens. */
const EM_PX = 20;
const ZOOM = 2;
/** A margin around the formula, in MathJax units (a quarter of an em). */
const PAD = 250;

/**
 * MathJax made once per process (its setup costs more than a formula): TeX with the base and AMS packages
 * only (no `\require`, nothing loaded at run time), SVG output with every glyph as a path, so no font is needed.
 */
let converter: ((tex: string, display: boolean) => string) | null = null;
function toSvg(tex: string, display: boolean): string {
  if (!converter) {
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const document = mathjax.document('', {
      InputJax: new TeX({ packages: ['base', 'ams'] }),
      OutputJax: new SVG({ fontCache: 'none' }),
    });
    converter = (source, block) => adaptor.innerHTML(document.convert(source, { display: block }));
  }
  return converter(tex, display);
}

/** Renders TeX to a PNG (black on white): MathJax to SVG, then resvg to PNG, with no system font. */
export function renderMath(tex: string, display: boolean): MathImage | MathError {
  const alt = display ? `$$${tex}$$` : `$${tex}$`;
  if (tex.length > LIMITS.tex) {
    return {
      ok: false,
      alt,
      message: `the formula is ${tex.length} characters long: keep it to ${LIMITS.tex}`,
    };
  }
  const svg = toSvg(tex, display);
  const error = /data-mjx-error="([^"]*)"/.exec(svg);
  if (error) return { ok: false, alt, message: decodeEntities(error[1] ?? 'not valid TeX') };
  // MathJax draws what its font lacks as text, and no font is loaded (no system font is used): refuse it.
  if (svg.includes('<text')) {
    return {
      ok: false,
      alt,
      message: 'it holds characters the maths font does not have (only Latin and Greek)',
    };
  }
  const sized = padded(svg);
  const zoom = Math.min(ZOOM, LIMITS.width / sized.width, LIMITS.height / sized.height);
  const png = new Resvg(sized.svg, {
    font: { loadSystemFonts: false },
    background: 'white',
    fitTo: { mode: 'zoom', value: zoom },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return { ok: true, png: new Uint8Array(png), alt };
}

/** The SVG sized in pixels from its viewBox, with a margin on every side. */
function padded(svg: string): { svg: string; width: number; height: number } {
  const box = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error('MathJax gave an SVG without a viewBox');
  const [x, y, w, h] = box.slice(1).map(Number) as [number, number, number, number];
  const px = (units: number) => ((units + 2 * PAD) / 1_000) * EM_PX;
  const [width, height] = [px(w), px(h)];
  const sized = svg
    .replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, `<svg$1 width="${width}" height="${height}"`)
    .replace(box[0], `viewBox="${x - PAD} ${y - PAD} ${w + 2 * PAD} ${h + 2 * PAD}"`);
  return { svg: sized, width, height };
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

const RECENT_BYTES = 16 * 1024 * 1024; // of pictures this process keeps at hand (a formula is a few kB)

/**
 * Formula pictures cached in a MediaStore (the media table) under the hash of their TeX: a formula any replica
 * has rendered once is read back, never rendered again. The pictures this process showed last are kept at
 * hand too (up to 16 MB), so a busy card costs no query.
 */
export class MathImages {
  readonly #store: MediaStore;
  readonly #render: typeof renderMath;
  /** Source key → picture, oldest first. */
  readonly #recent = new Map<string, { png: Uint8Array; hash: string }>();
  #recentBytes = 0;

  constructor(store: MediaStore, render: typeof renderMath = renderMath) {
    this.#store = store;
    this.#render = render;
  }

  /** The formula's picture and its media hash, or why there is none. */
  async image(tex: string, display: boolean): Promise<(MathImage & { hash: string }) | MathError> {
    const source = sourceKey(tex, display);
    const alt = display ? `$$${tex}$$` : `$${tex}$`;
    const recent = this.#recent.get(source);
    if (recent) return { ok: true, alt, ...recent };
    const stored = await this.#store.rendered(source);
    if (stored) return { ok: true, alt, ...this.#keep(source, stored.bytes, stored.hash) };
    const made = this.#render(tex, display);
    if (!made.ok) return made;
    const hash = await this.#store.putMedia(made.png, 'image/png', source);
    return { ...made, ...this.#keep(source, made.png, hash) };
  }

  #keep(source: string, png: Uint8Array, hash: string): { png: Uint8Array; hash: string } {
    this.#recent.set(source, { png, hash });
    this.#recentBytes += png.length;
    for (const [key, old] of this.#recent) {
      if (this.#recentBytes <= RECENT_BYTES) break;
      this.#recent.delete(key);
      this.#recentBytes -= old.png.length;
    }
    return { png, hash };
  }
}

/** A formula's picture as a message attaches it: a file name, the PNG, and its TeX as alt text. */
export interface MathAttachment {
  name: string;
  png: Uint8Array;
  alt: string;
}

const MAX_ATTACHMENTS = 10; // Discord's limit per message

/**
 * The pictures of the maths in a card's fields, in order, each formula once (at most ten): what Discord attaches
 * (`files`, with the alt text as the attachment's description) and Slack uploads (`alt_txt`). TeX that does not
 * render is left out; the text still shows its source.
 */
export async function mathAttachments(
  texts: readonly string[],
  images: MathImages,
): Promise<MathAttachment[]> {
  const out: MathAttachment[] = [];
  const seen = new Set<string>();
  // Field by field: a `$` left open in one field never pairs with one in the next.
  for (const math of texts.flatMap(mathOf)) {
    const alt = math.display ? `$$${math.tex}$$` : `$${math.tex}$`;
    if (seen.has(alt) || out.length >= MAX_ATTACHMENTS) continue;
    seen.add(alt);
    const image = await images.image(math.tex, math.display);
    if (image.ok) out.push({ name: `math-${image.hash.slice(0, 12)}.png`, png: image.png, alt });
  }
  return out;
}

/** What a formula's picture is cached under: the hash of its TeX and of how it is shown. */
function sourceKey(tex: string, display: boolean): string {
  const hash = createHash('sha256')
    .update(`${display ? 'display' : 'inline'}\n${tex}`)
    .digest('base64url');
  return `math:${hash}`;
}
