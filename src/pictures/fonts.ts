import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff.ts';

/** The family every picture is drawn in: Noto Sans, shipped by @fontsource/noto-sans. */
export const FONT_FAMILY = 'Noto Sans';

/** Latin, Latin Extended, Greek and Cyrillic cover the names people use on most servers; other scripts fall back to nothing. */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const WEIGHTS = [400, 700] as const;

let files: readonly string[] | null = null;

/**
 * The font files resvg loads: the package's WOFF files unwrapped to TrueType once per process, into a
 * folder named by their content under the system's temporary folder (resvg reads fonts only from files).
 */
export function fontFiles(): readonly string[] {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const fonts = SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => {
      const name = `noto-sans-${subset}-${weight}-normal`;
      return { name, woff: readFileSync(join(packageDir, 'files', `${name}.woff`)) };
    }),
  );
  const hash = createHash('sha256');
  for (const font of fonts) hash.update(font.woff);
  const dir = join(tmpdir(), `mnemo-fonts-${hash.digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  files = fonts.map((font) => {
    const path = join(dir, `${font.name}.ttf`);
    if (!existsSync(path)) {
      // Written aside, then renamed: another process never reads half a font.
      const partial = `${path}.${process.pid}.part`;
      writeFileSync(partial, woffToSfnt(font.woff));
      renameSync(partial, path);
    }
    return path;
  });
  return files;
}
