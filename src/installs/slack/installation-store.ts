import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Clock } from '../../core/clock.ts';
import { Kept } from '../../core/kept.ts';
import type { SecretBox } from '../secret-box.ts';
import type { SlackInstallationRows } from './installation-rows.ts';

/** The key an installation is stored under: the org for an org-wide install, else the workspace. */
export function installationIdOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | null {
  if (query.isEnterpriseInstall) return query.enterpriseId ?? null;
  return query.teamId ?? null;
}

/** How long an opened installation is reused before it is read and opened again. */
export const INSTALLATION_CACHE_MS = 60_000;
/** How many workspaces' opened installations are kept at most (the oldest goes first). */
export const INSTALLATION_CACHE_SIZE = 1_000;

type Opened = Installation<'v1' | 'v2', boolean>;

/**
 * Bolt's InstallationStore in PostgreSQL: the whole Installation (tokens included) is sealed with AES-256-GCM;
 * ids, bot user, scopes and installer sit beside it in plain columns. An installation sealed with the old key
 * is sealed again with the current one the first time it is read.
 *
 * Bolt asks for the installation on every request (its `authorize`), so an opened installation is kept for
 * a minute: without that every event, command and click cost a query and a decryption. An install or an
 * uninstall through this process drops its entry at once; one through another replica is seen within the
 * minute (Slack refuses a revoked token meanwhile, and deliveries stop on that refusal).
 */
export class SealedInstallationStore implements InstallationStore {
  readonly #rows: SlackInstallationRows;
  readonly #box: SecretBox;
  readonly #clock: Clock;
  readonly #opened = new Kept<Opened>(INSTALLATION_CACHE_SIZE, INSTALLATION_CACHE_MS);

  constructor(rows: SlackInstallationRows, box: SecretBox, clock: Clock) {
    this.#rows = rows;
    this.#box = box;
    this.#clock = clock;
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const id = installationIdOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall,
    });
    if (!id) throw new Error('a Slack installation came without a team or enterprise id');
    this.#opened.delete(id);
    await this.#rows.save(
      {
        id,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall,
        appId: installation.appId ?? null,
        botUserId: installation.bot?.userId ?? null,
        botId: installation.bot?.id ?? null,
        scopes: installation.bot?.scopes ?? [],
        installerUserId: installation.user.id,
        sealed: this.#box.seal(JSON.stringify(installation)),
      },
      this.#clock.now(),
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) throw new Error(`no Slack installation for ${describe(query)}`);
    return found;
  }

  /** The installation, or null when there is none (fetchInstallation throws instead, as Bolt expects). */
  async find(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean> | null> {
    const id = installationIdOf(query);
    if (!id) return null;
    const now = this.#clock.now().getTime();
    const kept = this.#opened.get(id, now);
    if (kept) return kept;
    const installation = await this.#open(id);
    // A missing installation is not kept: a workspace just installed through another replica works at once.
    if (installation) this.#opened.set(id, installation, now);
    return installation;
  }

  async #open(id: string): Promise<Opened | null> {
    const row = await this.#rows.find(id);
    if (!row) return null;
    const opened = this.#box.open(row.sealed);
    if (opened.stale) await this.#rows.reseal(id, this.#box.seal(opened.plaintext));
    return JSON.parse(opened.plaintext) as Opened;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = installationIdOf(query);
    if (!id) return;
    this.#opened.delete(id);
    await this.#rows.delete(id);
  }
}

/** Ids only: what a log line or an error may say about an installation. */
function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`;
}
