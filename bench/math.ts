import { MediaStore } from '../src/db/media-store.ts';
import { MathImages, renderMath } from '../src/media/math.ts';
import { MemoryMediaStore } from '../test/support/media-store.ts';
import type { BenchDatabase } from './database.ts';
import { percentile } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';

/** Formulas as cards hold them, from one symbol to a display integral. */
const FORMULAS: readonly [string, boolean][] = [
  ['E = mc^2', false],
  ['\\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}', true],
  ['\\int_0^1 x^2\\,dx = \\frac{1}{3}', true],
  ['\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}', true],
  ['\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}^{-1}', true],
  ['\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1', false],
  ['O(n \\log n)', false],
  ['\\alpha + \\beta = \\gamma', false],
];

/** ms to render a formula to PNG (first in the process, then warm), and to get it again from the cache. */
export async function mathSuite(sizes: Sizes): Promise<Result[]> {
  let started = performance.now();
  renderMath('x', false); // MathJax's setup, paid once per process
  const setupMs = performance.now() - started;

  const renderMs: number[] = [];
  for (let round = 0; round < sizes.mathRounds; round++) {
    for (const [tex, display] of FORMULAS) {
      started = performance.now();
      renderMath(tex, display);
      renderMs.push(performance.now() - started);
    }
  }
  const images = new MathImages(new MemoryMediaStore());
  for (const [tex, display] of FORMULAS) await images.image(tex, display);
  const cachedMs: number[] = [];
  for (let round = 0; round < sizes.mathRounds; round++) {
    for (const [tex, display] of FORMULAS) {
      started = performance.now();
      await images.image(tex, display);
      cachedMs.push(performance.now() - started);
    }
  }
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  return [
    result('math_first_render_with_setup', setupMs, 'ms'),
    result('math_render_p50', percentile(sorted(renderMs), 50), 'ms'),
    result('math_render_p99', percentile(sorted(renderMs), 99), 'ms'),
    result('math_cached_p50', percentile(sorted(cachedMs), 50), 'ms'),
  ];
}

/**
 * ms to get a formula's picture as the bot does, from the media table (PGlite or PostgreSQL) after one
 * replica rendered it: what every later showing of a card costs.
 */
export async function mathTableSuite(db: BenchDatabase, sizes: Sizes): Promise<Result[]> {
  const store = new MediaStore(db.connection.db);
  let renders = 0;
  const counting = (tex: string, display: boolean) => {
    renders += 1;
    return renderMath(tex, display);
  };
  for (const [tex, display] of FORMULAS) await new MathImages(store, counting).image(tex, display);
  const rendered = renders;
  const cachedMs: number[] = [];
  for (let round = 0; round < sizes.mathRounds; round++) {
    for (const [tex, display] of FORMULAS) {
      // A replica that has not shown it yet: the picture comes from the table.
      const replica = new MathImages(store, counting);
      const started = performance.now();
      await replica.image(tex, display);
      cachedMs.push(performance.now() - started);
    }
  }
  return [
    result('math_table_cached_p50', percentile(Float64Array.from(cachedMs).sort(), 50), 'ms'),
    result('math_table_renders_after_first', renders - rendered, 'formulas'),
  ];
}
