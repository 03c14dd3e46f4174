import { describe, expect, it } from 'vitest';
import { MathImages, mathAttachments, renderMath } from '../../src/media/math.ts';
import { MemoryMediaStore } from '../support/media-store.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('renderMath', () => {
  it('GIVEN a formula THEN a PNG of it, with its TeX as alt text; display maths is taller', () => {
    const inline = renderMath('E = mc^2', false);
    const display = renderMath('\\int_0^1 x^2\\,dx = \\frac{1}{3}', true);
    if (!inline.ok || !display.ok) throw new Error('not rendered');
    expect([...inline.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(inline.alt).toBe('$E = mc^2$');
    expect(display.alt).toBe('$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$');
    const small = pngSize(inline.png);
    expect(small.width).toBeGreaterThan(small.height);
    expect(pngSize(display.png).height).toBeGreaterThan(small.height);
  });

  it('GIVEN TeX that does not parse, or an unknown command THEN it says why, and makes no picture', () => {
    expect(renderMath('\\frac{a}{', false)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/brace/i),
    });
    expect(renderMath('\\nosuchthing', false)).toMatchObject({ ok: false, alt: '$\\nosuchthing$' });
    expect(renderMath('\\text{скорость} = v', false)).toMatchObject({ ok: false, message: /font/ });
    expect(renderMath('x'.repeat(2_001), false)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/2,?000/),
    });
  });
});

describe('MathImages', () => {
  it('GIVEN the same formula twice THEN it is rendered once and read back from the media store', async () => {
    const store = new MemoryMediaStore();
    let renders = 0;
    const images = new MathImages(store, (tex, display) => {
      renders += 1;
      return renderMath(tex, display);
    });
    const first = await images.image('a^2 + b^2 = c^2', false);
    const again = await images.image('a^2 + b^2 = c^2', false);
    const displayed = await images.image('a^2 + b^2 = c^2', true);
    expect(renders).toBe(2);
    expect(store.files.size).toBe(2);
    if (!first.ok || !again.ok || !displayed.ok) throw new Error('not rendered');
    expect(again.hash).toBe(first.hash);
    expect(again.png).toEqual(first.png);
    expect(displayed.hash).not.toBe(first.hash);
  });
});

describe('mathAttachments', () => {
  it('GIVEN card fields with maths THEN one picture per formula, named by its hash, with the TeX as alt; code is not maths, nor a `$` of one field and one of the next', async () => {
    const images = new MathImages(new MemoryMediaStore());
    const files = await mathAttachments(
      [
        'If $a^2$ then $$a^2 + b^2$$, not `$x$`, and $a^2$ again; $\\frac{$.',
        // Two fields: a `$` left open in one does not close in the next.
        'a lone $x',
        'y$ b',
      ],
      images,
    );
    expect(files.map((file) => file.alt)).toEqual(['$a^2$', '$$a^2 + b^2$$']);
    expect(files[0]?.name).toMatch(/^math-[0-9a-f]{12}\.png$/);
  });
});
