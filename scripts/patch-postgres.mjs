/**
 * postgres.js 3.4.9 (the latest release) breaks when PostgreSQL restarts under a reserved connection, which
 * Mnemo's hand-written transactions use (src/db/raw-sql.ts), as test/db/postgres-restart.test.ts shows:
 * - a write deferred with setImmediate runs after the socket is gone and throws `TypeError: Cannot read
 *   properties of null (reading 'write')` where nothing can catch it: the process dies; and teardown leaves
 *   the deferred-write state set, so the connection never flushes again (porsager/postgres#1154, #1208; the
 *   fix of porsager/postgres#1209 is not released);
 * - statements queued on a reserved connection that closes are never settled (the caller waits forever),
 *   and releasing it puts the closed connection among the open ones. begin() has a guard; reserve() had none.
 *   Worse, the pool may reopen that connection for another caller while the session still holds it: the
 *   session's rollback and release then wrote to, and opened, a connection still starting up, and in about
 *   one restart in four statements were never answered. A reserved session now ends with its connection;
 * - a socket closed with an error left the statements sent after the error event unsettled.
 * This fixes both in node_modules on `npm install` and `npm ci` (postinstall). It changes nothing once
 * applied, and only warns when postgres.js no longer has the code it expects.
 */
import { readFile, writeFile } from 'node:fs/promises';

const PACKAGE = new URL('../node_modules/postgres/', import.meta.url);
const FOLDERS = ['src', 'cjs/src', 'cf/src'];
const MARK = '/* mnemo: porsager/postgres#1209, reserved sessions after a close */';

/** [broken, fixed] in index.js: each must occur exactly as written. */
const RESERVE = [
  // Once its connection closes, a reserved session is over: its queued statements fail, and so does every
  // later one (a rollback, say) and its release, instead of reaching the connection that the pool may by then
  // be opening again for someone else (which wrote statements ahead of the startup message and hung).
  [
    '    c.reserved.release = true\n',
    `    c.reserved.release = true\n    let gone = null\n    c.onclose = (e) => { ${MARK}\n      gone = e\n      while (queue.length) queue.shift().reject(e)\n    }\n`,
  ],
  [
    '    sql.release = () => {\n      c.reserved = null\n      onopen(c)\n    }',
    '    sql.release = () => {\n      if (gone) return\n      c.reserved = null\n      c.onclose = null\n      onopen(c)\n    }',
  ],
  [
    '    function handler(q) {\n      c.queue === full\n        ? queue.push(q)\n        : c.execute(q) || move(c, full)\n    }\n  }\n\n  async function begin(',
    '    function handler(q) {\n      if (gone) return q.reject(gone)\n      c.queue === full\n        ? queue.push(q)\n        : c.execute(q) || move(c, full)\n    }\n  }\n\n  async function begin(',
  ],
  // A connection that closes takes the next waiting request and reconnects for it. A request to reserve a
  // connection must stay queued while that happens (as reserve() itself leaves it): the connection, once
  // started, does not run it but drops it, and then hands itself to the queue in onopen. Taken out of the
  // queue, it was dropped for good and its caller (a transaction) waited forever, about one restart in four.
  [
    '    options.onclose && options.onclose(c.id)\n    queries.length && connect(c, queries.shift())\n',
    `    options.onclose && options.onclose(c.id)\n    if (queries.length) { ${MARK}\n      const query = queries.shift()\n      query.reserve && queries.push(query)\n      connect(c, query)\n    }\n`,
  ],
  // A request to reserve that fails (its connection could not start) leaves the queue: left there, onopen
  // later handed it a connection that nobody then held or released.
  [
    '        const query = { reserve: resolve, reject }\n',
    '        const query = { reserve: resolve, reject: (e) => (queries.remove(query), reject(e)) }\n',
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
  // A closed socket answers nothing: fail the statement in flight and those sent behind it even when the close
  // came with an error (the error event failed only those sent before it), and forget them, with the error
  // the server sent as it closed ("terminating connection due to administrator command"): kept, the next
  // start of this connection failed the request it reconnected for with it.
  [
    '    !hadError && (query || sent.length) && error(Errors.connection(\'CONNECTION_CLOSED\', options, socket))\n',
    '    ;(query || sent.length) && error(Errors.connection(\'CONNECTION_CLOSED\', options, socket))\n    query = errorResponse = null\n',
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
