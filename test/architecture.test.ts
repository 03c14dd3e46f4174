import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';

const CLOCK = /new Date\(\)|Date\.now\(\)/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('src/core', () => {
  // What core may import is checked by dependency-cruiser in `npm run lint` (.dependency-cruiser.cjs).
  it('GIVEN any core file THEN it never reads the clock', async () => {
    const offenders: string[] = [];
    for (const file of await sources(join(ROOT, 'src/core'))) {
      const text = await readFile(file, 'utf8');
      if (CLOCK.test(text)) offenders.push(`${file}: reads the clock`);
    }
    expect(offenders).toEqual([]);
  });

  it('GIVEN any file outside config.ts and main.ts THEN it does not read process.env', async () => {
    const offenders: string[] = [];
    for (const file of await sources(join(ROOT, 'src'))) {
      if (/src\/(config|main)\.ts$/.test(file)) continue;
      if ((await readFile(file, 'utf8')).includes('process.env')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
