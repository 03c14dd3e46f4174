import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from './client.ts';
import { pendingImportParts, pendingImports } from './schema.ts';

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

/** A file is kept in parts of this size: each travels (as hex text) on its own. */
export const PENDING_PART_BYTES = 1024 * 1024; // bytes

/** Pending chat imports in PostgreSQL, so any replica can take the confirmation. */
export class PgPendingImportStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Keeps a file, in parts; those whose time ran out are dropped on the way. */
  async put(pending: PendingImport, now: Date): Promise<void> {
    await this.sweep(now);
    const { bytes, ...row } = pending;
    await this.#db.transaction(async (tx) => {
      await tx.insert(pendingImports).values(row);
      for (let part = 0; part * PENDING_PART_BYTES < Math.max(bytes.length, 1); part++) {
        const start = part * PENDING_PART_BYTES;
        await tx
          .insert(pendingImportParts)
          .values({ importId: row.id, part, bytes: bytes.subarray(start, start + PENDING_PART_BYTES) });
      }
    });
  }

  /** Drops the files whose time ran out (their parts go with them); how many. */
  async sweep(now: Date): Promise<number> {
    const dropped = await this.#db
      .delete(pendingImports)
      .where(lte(pendingImports.expiresAt, now))
      .returning({ id: pendingImports.id });
    return dropped.length;
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
    return this.#db.transaction(async (tx) => {
      // Locked first: a second confirmation waits here, then finds the row gone.
      const [row] = await tx
        .select()
        .from(pendingImports)
        .where(
          and(
            eq(pendingImports.id, id),
            eq(pendingImports.tenantId, owner.tenantId),
            eq(pendingImports.userKey, owner.userKey),
            gt(pendingImports.expiresAt, now),
          ),
        )
        .for('update');
      if (!row) return null;
      const parts = await tx
        .select({ bytes: pendingImportParts.bytes })
        .from(pendingImportParts)
        .where(eq(pendingImportParts.importId, id))
        .orderBy(asc(pendingImportParts.part));
      await tx.delete(pendingImports).where(eq(pendingImports.id, id));
      const joined = Buffer.concat(parts.map((part) => part.bytes));
      return {
        id: row.id,
        tenantId: row.tenantId,
        userKey: row.userKey,
        fileName: row.fileName,
        deckId: row.deckId,
        // A plain Uint8Array over the same memory, not a copy.
        bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.length),
        expiresAt: row.expiresAt,
      };
    });
  }
}
