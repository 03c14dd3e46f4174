import { open, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MnemoError } from '../core/errors.ts';

const LOCK_FILE = 'mnemo.lock';
/** Directories this process holds: a lock file with our own pid that is not here was left by an earlier run. */
const held = new Set<string>();

/**
 * One PGlite data directory serves one process: two would silently lose data. Takes the directory's lock
 * file, or throws DATA_DIR_LOCKED naming the process that holds it. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      held.add(dir);
      return async () => {
        held.delete(dir);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (isAlive(holder) && (holder !== process.pid || held.has(dir))) {
      throw new MnemoError(
        'DATA_DIR_LOCKED',
        `the data directory ${dataDir} is in use by another Mnemo process (pid ${holder}); stop it, or set DATA_DIR to another folder, or use DATABASE_URL for several instances`,
      );
    }
    await rm(path, { force: true }); // left by a process that is gone
  }
  throw new MnemoError('DATA_DIR_LOCKED', `could not take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
