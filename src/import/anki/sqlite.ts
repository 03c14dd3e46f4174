import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | null = null;

/** sql.js (SQLite compiled to WebAssembly), loaded once. */
const sqlite = (): Promise<SqlJsStatic> => {
  engine ??= initSqlJs();
  return engine;
};

/**
 * Opens a SQLite file held in memory. sql.js 1.x cannot register a collation, and schema 18 declares its name
 * columns `COLLATE unicase` (Anki's Unicode case folding): SQLite accepts that schema on open but refuses any
 * statement that touches those columns' indexes. On this private copy, the schema text is rewritten to SQLite's
 * NOCASE (ASCII case folding), which reads every row the same; only the order of non-ASCII names could differ.
 */
export async function openSqlite(bytes: Uint8Array): Promise<Database> {
  const SQL = await sqlite();
  const db = new SQL.Database(bytes);
  try {
    const uses = db.exec("SELECT 1 FROM sqlite_master WHERE sql LIKE '%collate unicase%' LIMIT 1");
    if (uses.length > 0) {
      const version = Number(db.exec('PRAGMA schema_version')[0]?.values[0]?.[0] ?? 0);
      db.exec(`PRAGMA writable_schema = ON;
        UPDATE sqlite_master SET sql = replace(replace(sql, 'COLLATE unicase', 'COLLATE NOCASE'), 'collate unicase', 'COLLATE NOCASE')
          WHERE sql LIKE '%collate unicase%';
        PRAGMA schema_version = ${version + 1};
        PRAGMA writable_schema = OFF;`);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export type { Database };
