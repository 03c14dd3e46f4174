import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMnemo } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';

let dataDir: string;
let database: TestDatabase | null = null;

beforeAll(async () => {
  dataDir = await migratedDataDir('mnemo-privacy-');
  if (ON_POSTGRES) database = await freshDatabase();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.dispose();
});

const env = () => ({ DATA_DIR: dataDir, ...(database?.url ? { DATABASE_URL: database.url } : {}) });

describe('mnemo privacy', () => {
  it('GIVEN export --out THEN a JSON file only its owner reads; GIVEN delete without --yes from a pipe THEN refused', async () => {
    const out = join(dataDir, 'me.json');
    const exported = await runMnemo(['privacy', 'export', '--person', 'slack:T1:U2', '--out', out], {
      env: env(),
    });
    expect(exported.stderr).toContain(`Exported slack:T1:U2 to ${out}: 0 reviews`);
    expect(exported.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ person: 'slack:T1:U2', reviews: [] });
    expect((await stat(out)).mode & 0o077).toBe(0);

    const refused = await runMnemo(['privacy', 'delete', '--person', 'slack:T1:U2'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes to confirm');
  });
});
