/** One stored installation: what is safe to read in plain columns, and the whole Installation sealed. */
export interface SlackInstallationRow {
  /** `T…` for a workspace install, `E…` for an org-wide install. */
  id: string;
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
  appId?: string | null;
  botUserId?: string | null;
  botId?: string | null;
  scopes?: string[];
  installerUserId?: string | null;
  /** The whole Installation as JSON, encrypted (SecretBox). */
  sealed: string;
}

/** Where installations are kept (PostgreSQL in the bot): the adapter's port, so it never imports storage. */
export interface SlackInstallationRows {
  save(row: SlackInstallationRow, now: Date): Promise<void>;
  find(id: string): Promise<{ sealed: string } | null>;
  /** After a key rotation: the same installation, sealed with the current key. */
  reseal(id: string, sealed: string): Promise<void>;
  /** Returns whether there was one. */
  delete(id: string): Promise<boolean>;
  /** A workspace seen under an org-wide install: deliveries there use the org's installation. */
  rememberOrgWorkspace(teamId: string, enterpriseId: string, now: Date): Promise<void>;
  /** The org a workspace was last seen under, or null. */
  enterpriseOf(teamId: string): Promise<string | null>;
}
