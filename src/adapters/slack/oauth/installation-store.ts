import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Clock } from '../../../core/clock.ts';
import type { SlackInstallationRows } from './installation-rows.ts';
import type { SecretBox } from './sealing.ts';

/** The key an installation is stored under: the org for an org-wide install, else the workspace. */
export function installationIdOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | null {
  if (query.isEnterpriseInstall) return query.enterpriseId ?? null;
  return query.teamId ?? null;
}

/**
 * Bolt's InstallationStore in PostgreSQL: the whole Installation (tokens included) is sealed with AES-256-GCM;
 * ids, bot user, scopes and installer sit beside it in plain columns. An installation sealed with the old key
 * is sealed again with the current one the first time it is read.
 */
export class SealedInstallationStore implements InstallationStore {
  readonly #rows: SlackInstallationRows;
  readonly #box: SecretBox;
  readonly #clock: Clock;

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
    const row = id ? await this.#rows.find(id) : null;
    if (!id || !row) return null;
    const opened = this.#box.open(row.sealed);
    if (opened.stale) await this.#rows.reseal(id, this.#box.seal(opened.plaintext));
    return JSON.parse(opened.plaintext) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = installationIdOf(query);
    if (id) await this.#rows.delete(id);
  }
}

/** Ids only: what a log line or an error may say about an installation. */
function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`;
}
