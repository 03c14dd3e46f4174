import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMnemo } from '../support/cli.ts';
import { migratedDataDir } from '../support/database.ts';

let dataDir: string;

beforeAll(async () => {
  dataDir = await migratedDataDir('mnemo-fsrs-');
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('mnemo fsrs optimize, fsrs reschedule and simulate, as commands', () => {
  it('GIVEN a new database THEN optimize and reschedule --json list no one, and simulate names a missing deck', async () => {
    const optimized = await runMnemo(['fsrs', 'optimize', '--json'], { env: { DATA_DIR: dataDir } });
    expect(optimized).toMatchObject({ code: 0, stdout: '{"people":[]}\n' });
    const rescheduled = await runMnemo(['fsrs', 'reschedule', '--json'], { env: { DATA_DIR: dataDir } });
    expect(rescheduled).toMatchObject({ code: 0, stdout: '{"people":[]}\n' });
    const simulated = await runMnemo(['simulate', '--learners', '2', '--days', '3', '--deck', 'nope'], {
      env: { DATA_DIR: dataDir },
    });
    expect(simulated.code).toBe(1);
    expect(simulated.stderr).toContain('mnemo simulate: there is no deck "nope". Nothing was done.');
  }, 60_000);
});
