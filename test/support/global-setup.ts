import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

/**
 * PGlite's initdb takes seconds: do it and the migrations once, and let every test file start from the result,
 * as an in-memory image or as a copy of the data directory (the folder a `DATA_DIR` holds as `pglite`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'mnemo-pglite-template-'));
  const client = new PGlite({ dataDir: join(folder, 'pglite') });
  await migrate(drizzle(client), { migrationsFolder: 'drizzle' });
  const image = await client.dumpDataDir('none');
  await client.close();
  const path = join(folder, 'image.tar');
  await writeFile(path, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', path);
  project.provide('pgliteDataDir', join(folder, 'pglite'));
  return () => rm(folder, { recursive: true, force: true });
}
