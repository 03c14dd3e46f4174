/**
 * postgres.js 3.4.9 (the latest release) breaks when PostgreSQL restarts under a reserved connection, which
 * Mnemo's hand-written transactions use (src/db/raw-sql.ts), as test/db/postgres-restart.test.ts shows:
 * - a write deferred with setImmediate runs after the socket is gone and throws `TypeError: Cannot read
 *   properties of null (reading 'write')` where nothing can catch it: the process dies; and teardown leaves
 *   the deferred-write state set, so the connection never flushes again (porsager/postgres#1154, #1208; the
 *   fix of porsager/postgres#1209 is not released);
 * - statements queued on a reserved connection that closes are never settled (the caller waits forever),
 *   and releasing it puts the closed connection among the open ones. begin() has a guard; reserve() had none.
 * This fixes both in node_modules on `npm install` and `npm ci` (postinstall). It changes nothing once
 * applied, and only warns when postgres.js no longer has the code it expects.
 */
import { readFile, writeFile } from 'node:fs/promises';

const PACKAGE = new URL('../node_modules/postgres/', import.meta.url);
const FOLDERS = ['src', 'cjs/src', 'cf/src'];
const MARK = '/* mnemo: porsager/postgres#1209 */';

/** [broken, fixed] in index.js: each must occur exactly as written. */
const RESERVE = [
  [
    '    c.reserved.release = true\n',
    `    c.reserved.release = true\n    c.onclose = (e) => { ${MARK}\n      while (queue.length) queue.shift().reject(e)\n    }\n`,
  ],
  [
    '    sql.release = () => {\n      c.reserved = null\n      onopen(c)\n    }',
    '    sql.release = () => {\n      c.reserved = null\n      c.onclose = null\n      c.queue === closed || onopen(c)\n    }',
  ],
];

/** [broken, fixed] in connection.js. */
const WRITE = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    if (!socket) { ${MARK}\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  // Both teardowns (terminate, closed) cancel the deferred write but kept its state: reset it.
  ['    clearImmediate(nextWriteTimer)\n    if (socket) {', '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'],
  [
    '    clearImmediate(nextWriteTimer)\n    socket.removeListener',
    '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener',
  ],
];

for (const folder of FOLDERS) {
  await patch(`${folder}/index.js`, RESERVE);
  await patch(`${folder}/connection.js`, WRITE);
}

async function patch(file, edits) {
  const url = new URL(file, PACKAGE);
  const text = await readFile(url, 'utf8').catch(() => null);
  if (text === null || text.includes(MARK)) return;
  let patched = text;
  const missing = edits.filter(([broken]) => patched.split(broken).length !== 2);
  if (missing.length > 0) {
    process.stderr.write(`patch-postgres: postgres/${file} changed; not patched (see scripts/patch-postgres.mjs)\n`);
    return;
  }
  for (const [broken, fixed] of edits) patched = patched.replace(broken, fixed);
  await writeFile(url, patched);
}
