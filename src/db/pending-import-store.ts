import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database } from './client.ts';
import { pendingImports } from './schema.ts';

/** A file waiting between its import preview and the confirmation. */
export interface PendingImport {
  id: string;
  tenantId: string;
  /** `<platform>:<external id>` of the person who asked for the preview. */
  userKey: string;
  fileName: string;
  deckId: string | null;
  bytes: Uint8Array;
  expiresAt: Date;
}

/** Pending chat imports in PostgreSQL, so any replica can take the confirmation. */
export class PgPendingImportStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Keeps a file; those whose time ran out are dropped on the way. */
  async put(pending: PendingImport, now: Date): Promise<void> {
    await this.#db.delete(pendingImports).where(lte(pendingImports.expiresAt, now));
    await this.#db.insert(pendingImports).values({ ...pending, bytes: pending.bytes });
  }

  /**
   * Takes the file out, once: only its own person in its own community gets it, before it expires; a second
   * confirmation (a double click, another replica) gets null.
   */
  async take(
    id: string,
    owner: { tenantId: string; userKey: string },
    now: Date,
  ): Promise<PendingImport | null> {
    const [row] = await this.#db
      .delete(pendingImports)
      .where(
        and(
          eq(pendingImports.id, id),
          eq(pendingImports.tenantId, owner.tenantId),
          eq(pendingImports.userKey, owner.userKey),
          gt(pendingImports.expiresAt, now),
        ),
      )
      .returning();
    if (!row) return null;
    return {
      id: row.id,
      tenantId: row.tenantId,
      userKey: row.userKey,
      fileName: row.fileName,
      deckId: row.deckId,
      bytes: new Uint8Array(row.bytes),
      expiresAt: row.expiresAt,
    };
  }
}
