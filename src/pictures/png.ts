import { type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFiles } from './fonts.ts';

/** An SVG drawn to PNG by resvg, with the shipped font only: no system font, no browser. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const options: ResvgRenderOptions = {
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles()],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  };
  const image = await renderAsync(svg, options);
  return image.asPng();
}
