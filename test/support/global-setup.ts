import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

/** PGlite's initdb takes seconds: do it and the migrations once, and let every test file start from the image. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder: 'drizzle' });
  const image = await client.dumpDataDir('none');
  await client.close();
  const path = join(tmpdir(), `mnemo-pglite-image-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', path);
  return async () => {
    const { rm } = await import('node:fs/promises');
    await rm(path, { force: true });
  };
}
