import { eq } from 'drizzle-orm';
import type { SlackInstallationRow, SlackInstallationRows } from '../installs/slack/installation-rows.ts';
import type { Database } from './client.ts';
import { slackInstallations, slackOrgWorkspaces } from './schema.ts';

/** Slack installations by id (`T…` for a workspace, `E…` for an org-wide install); the secrets come sealed. */
export class PgSlackInstallations implements SlackInstallationRows {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async save(row: SlackInstallationRow, now: Date): Promise<void> {
    const { id, ...rest } = row;
    await this.#db
      .insert(slackInstallations)
      .values({ ...row, installedAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: slackInstallations.id, set: { ...rest, updatedAt: now } });
  }

  async find(id: string): Promise<{ sealed: string } | null> {
    const [row] = await this.#db
      .select({ sealed: slackInstallations.sealed })
      .from(slackInstallations)
      .where(eq(slackInstallations.id, id));
    return row ?? null;
  }

  /** After a key rotation: the same installation, sealed with the current key. */
  async reseal(id: string, sealed: string): Promise<void> {
    await this.#db.update(slackInstallations).set({ sealed }).where(eq(slackInstallations.id, id));
  }

  /** Returns whether there was one. */
  async delete(id: string): Promise<boolean> {
    const deleted = await this.#db
      .delete(slackInstallations)
      .where(eq(slackInstallations.id, id))
      .returning({ id: slackInstallations.id });
    return deleted.length > 0;
  }

  /** A workspace seen under an org-wide install: deliveries there use the org's installation. */
  async rememberOrgWorkspace(teamId: string, enterpriseId: string, now: Date): Promise<void> {
    await this.#db
      .insert(slackOrgWorkspaces)
      .values({ teamId, enterpriseId, seenAt: now })
      .onConflictDoUpdate({ target: slackOrgWorkspaces.teamId, set: { enterpriseId, seenAt: now } });
  }

  /** The org a workspace was last seen under, or null for a workspace never seen in an org-wide install. */
  async enterpriseOf(teamId: string): Promise<string | null> {
    const [row] = await this.#db
      .select({ enterpriseId: slackOrgWorkspaces.enterpriseId })
      .from(slackOrgWorkspaces)
      .where(eq(slackOrgWorkspaces.teamId, teamId));
    return row?.enterpriseId ?? null;
  }
}
