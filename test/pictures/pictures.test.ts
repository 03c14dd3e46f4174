import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/progress/calendar.ts';
import { assembleFigures } from '../../src/core/progress/figures.ts';
import { FONT_FAMILY, fontFiles } from '../../src/pictures/fonts.ts';
import { leaderboardPicture, progressPicture } from '../../src/pictures/picture.ts';
import { escapeXml } from '../../src/pictures/svg.ts';
import { woffToSfnt } from '../../src/pictures/woff.ts';
import { pngSize, svgTexts } from '../support/svg-text.ts';

const STATS = {
  dueNow: 0,
  dueToday: 0,
  dueTomorrow: 0,
  dueThisWeek: 0,
  reviewedToday: 0,
  retention30d: null,
  streak: 0,
  totalReviews: 0,
};

/** Dark pixels resvg draws for `content` in the shipped font, with no system font to fall back on. */
function inkOf(content: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><rect width="300" height="40" fill="#fff"/><text x="4" y="28" font-size="20" font-family="${FONT_FAMILY}">${escapeXml(content)}</text></svg>`;
  const { pixels } = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...fontFiles()], defaultFontFamily: FONT_FAMILY },
  }).render();
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
  return dark;
}

describe('the shipped font', () => {
  it('GIVEN a Fontsource WOFF file THEN it unwraps to a TrueType font with every table', () => {
    const require = createRequire(import.meta.url);
    const woff = readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavor: 0x00010000 or 'OTTO'
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // totalSfntSize, as the WOFF header states it
    expect(() => woffToSfnt(Buffer.from('not a font at all, and long enough for a header'))).toThrow(/wOFF/);
  });

  it('GIVEN Latin, Greek and Cyrillic text THEN resvg draws it with no system font', () => {
    expect(inkOf('Progress 123')).toBeGreaterThan(100);
    expect(inkOf('Ελένη Ольга Zoë')).toBeGreaterThan(100);
  });
});

describe('escaping', () => {
  it('GIVEN markup, control characters and a lone surrogate in a name THEN the SVG parses and shows the name as text', async () => {
    const today = '2026-03-10';
    const name = `<script>alert("x")</script> & O'Brien\u0007\ud800`;
    const figures = assembleFigures(
      { userId: 1, platform: 'slack', externalId: 'T1:U1', displayName: name, timeZone: 'Asia/Kolkata' },
      today,
      [{ date: addDays(today, -1), reviews: 3, recalled: 2 }],
      [],
      STATS,
    );
    const picture = await progressPicture(figures);
    expect(pngSize(picture.png)).toEqual({ width: 1000, height: 500 });
    expect(picture.svg).not.toContain('<script>');
    expect(svgTexts(picture.svg)[0]).toBe(`Progress of <script>alert("x")</script> & O'Brien`);
  });

  it('GIVEN a very long name THEN it is cut to 40 characters', async () => {
    const row = { userId: 1, platform: 'discord', externalId: '1', reviews: 3, accuracy: 1, streak: 0 };
    const picture = await leaderboardPicture([{ ...row, displayName: 'x'.repeat(500) }], 'the last 7 days');
    expect(svgTexts(picture.svg)).toContain(`1. ${'x'.repeat(39)}…`);
  });
});

describe('an empty year', () => {
  it('GIVEN no reviews and no cards THEN the picture still draws, with dashes for retention', async () => {
    const figures = assembleFigures(
      { userId: 1, platform: 'discord', externalId: '1', displayName: null, timeZone: 'UTC' },
      '2026-01-01',
      [],
      [],
      STATS,
    );
    const picture = await progressPicture(figures);
    const texts = svgTexts(picture.svg);
    expect(texts[0]).toBe('Your progress');
    expect(texts).toContain('0 reviews on 0 days in the last 365 days');
    expect(texts.filter((line) => line === '–')).toHaveLength(12);
    expect(picture.alt).toContain('no reviews this week; no reviews over 30 days');
  });
});
