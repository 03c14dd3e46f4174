import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorize } from '@slack/bolt';
import {
  type CodedError,
  type Installation,
  InstallProvider,
  type InstallProviderOptions,
} from '@slack/oauth';
import type { Logger } from 'pino';
import type { SlackOAuthConfig } from '../../config/slack.ts';
import type { Clock } from '../../core/clock.ts';
import { MnemoError } from '../../core/errors.ts';
import { type RouteHandler, sendJson } from '../../http/server.ts';
import { boltLogger } from '../../ops/bolt-logger.ts';
import { SecretBox } from '../secret-box.ts';
import type { SlackInstallationRows } from './installation-rows.ts';
import { SealedInstallationStore } from './installation-store.ts';
import { asWorkspace } from './workspace-token.ts';

/** "Add to Slack": the page whose button starts an install, with a signed `state` in a cookie and the URL. */
export const SLACK_INSTALL_PATH = '/slack/install';
/** Where Slack sends the browser back with the code that `oauth.v2.access` exchanges for the bot token. */
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes an install asks for: the same as slack-manifest.yaml (test/slack/manifest.test.ts). */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'files:write',
  'files:read',
  'users:read',
  'channels:history',
  'groups:history',
  'im:history',
] as const;

/** What went wrong with an install, in words for the browser; the codes are @slack/oauth's. */
const FAILURES: Record<string, { status: number; text: string }> = {
  slack_oauth_invalid_state: { status: 400, text: 'This install link has expired or was not made here.' },
  slack_oauth_missing_state: { status: 400, text: 'This install link has expired or was not made here.' },
  slack_oauth_missing_code: { status: 400, text: 'Slack did not send the install code.' },
  slack_oauth_installer_authorization_error: { status: 400, text: 'The install was cancelled.' },
};

export interface SlackInstallerOptions {
  oauth: SlackOAuthConfig;
  installations: SlackInstallationRows;
  clock: Clock;
  log: Logger;
  /** The Web API options of every other client (SLACK_API_URL), so the code exchange goes there too. */
  clientOptions: NonNullable<InstallProviderOptions['clientOptions']>;
  /** A workspace (tenant id `slack:T…`, as the adapter's `placeOf` names it) installed Mnemo, perhaps again: its deliveries may resume. */
  onInstalled?: (tenantId: string) => Promise<unknown>;
}

export type InWorkspace = <T>(tenantId: string, work: () => Promise<T>) => Promise<T>;

export interface SlackInstaller {
  /** `GET /slack/install` and `GET /slack/oauth_redirect` for the shared server on PORT. */
  routes: Record<string, RouteHandler>;
  /** Bolt's `authorize`: each request's own workspace token, from the installation store. */
  authorize: Authorize<boolean>;
  /**
   * Runs a delivery's `work` with its workspace's own token. A workspace without one, or whose token Slack
   * refuses, is TENANT_UNAUTHORIZED, which stops delivery there only (a refused env token stops them all).
   */
  inWorkspace: InWorkspace;
  /** `app_uninstalled` / `tokens_revoked`: forget the installation and its tokens. */
  uninstall(query: {
    teamId?: string | undefined;
    enterpriseId?: string | undefined;
    isEnterpriseInstall?: boolean | undefined;
  }): Promise<void>;
}

/** Slack OAuth v2 with @slack/oauth's InstallProvider, behind Mnemo's own HTTP server and receiver. */
export function createSlackInstaller(options: SlackInstallerOptions): SlackInstaller {
  const { oauth, log } = options;
  const store = new SealedInstallationStore(
    options.installations,
    new SecretBox(oauth.secretKey, oauth.oldSecretKey),
    options.clock,
  );
  const installUrlOptions = { scopes: [...SLACK_BOT_SCOPES] };
  const provider = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: store,
    installUrlOptions,
    logger: boltLogger(log),
    clientOptions: options.clientOptions,
  });

  /** `team:enterprise` pairs already remembered by this instance: one write per pair, not per request. */
  const orgWorkspaces = new Set<string>();
  const rememberOrgWorkspace = async (teamId: string, enterpriseId: string) => {
    const pair = `${teamId}:${enterpriseId}`;
    if (orgWorkspaces.has(pair)) return;
    await options.installations.rememberOrgWorkspace(teamId, enterpriseId, options.clock.now());
    orgWorkspaces.add(pair);
  };
  const orgInstallationOf = async (teamId: string) => {
    const enterpriseId = await options.installations.enterpriseOf(teamId);
    return enterpriseId ? store.find({ teamId, enterpriseId, isEnterpriseInstall: true }) : null;
  };

  /** A workspace's bot token by tenant id; null when it has no installation. */
  const tokenFor = async (tenantId: string) => {
    const teamId = /^slack:([A-Z0-9]+)$/.exec(tenantId)?.[1];
    if (!teamId) return null;
    const installation =
      (await store.find({ teamId, isEnterpriseInstall: false, enterpriseId: undefined })) ??
      (await orgInstallationOf(teamId));
    return installation?.bot?.token ?? null;
  };

  const install: RouteHandler = async (request, response) => {
    if (!isGet(request, response)) return;
    await provider.handleInstallPath(request, response, undefined, installUrlOptions);
  };
  const redirect: RouteHandler = async (request, response) => {
    if (!isGet(request, response)) return;
    await provider.handleCallback(request, response, {
      successAsync: async (installation) => {
        const { team, enterprise } = installation as Installation;
        log.info(
          { team: team?.id, enterprise: enterprise?.id, orgWide: installation.isEnterpriseInstall === true },
          'slack: installed',
        );
        if (team?.id) await options.onInstalled?.(`slack:${team.id}`);
        page(
          response,
          200,
          `Mnemo is installed${team?.name ? ` in ${team.name}` : ''}. Type /mnemo in Slack.`,
        );
      },
      failure: (error: CodedError) => {
        const failure = FAILURES[error.code] ?? { status: 502, text: 'Slack did not complete the install.' };
        log.warn({ code: error.code }, 'slack: an install failed');
        page(response, failure.status, `${failure.text} Start again from ${SLACK_INSTALL_PATH}.`);
      },
    });
  };

  return {
    routes: { [SLACK_INSTALL_PATH]: install, [SLACK_OAUTH_REDIRECT_PATH]: redirect },
    async authorize(source) {
      const authorized = await provider.authorize(source);
      const { teamId, enterpriseId } = source;
      if (source.isEnterpriseInstall && teamId && enterpriseId)
        await rememberOrgWorkspace(teamId, enterpriseId);
      return authorized;
    },
    async inWorkspace(tenantId, work) {
      const token = await tokenFor(tenantId);
      if (token === null)
        throw new MnemoError(
          'TENANT_UNAUTHORIZED',
          `Slack workspace ${tenantId} has no installation of Mnemo (uninstalled, or its token was revoked)`,
        );
      try {
        return await asWorkspace(token, work);
      } catch (error) {
        if (error instanceof MnemoError && error.code === 'PLATFORM_UNAUTHORIZED')
          throw new MnemoError('TENANT_UNAUTHORIZED', `${error.message} for ${tenantId}`, { cause: error });
        throw error;
      }
    },
    async uninstall(query) {
      await store.deleteInstallation({
        teamId: query.teamId,
        enterpriseId: query.enterpriseId,
        isEnterpriseInstall: query.isEnterpriseInstall === true,
      });
      log.info(
        { team: query.teamId, enterprise: query.enterpriseId, orgWide: query.isEnterpriseInstall === true },
        'slack: uninstalled; its token is deleted',
      );
    },
  };
}

function isGet(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === 'GET') return true;
  sendJson(response, 405, { error: 'method not allowed' });
  return false;
}

/** A one-line HTML page; the text is Mnemo's own, but a workspace name is escaped. */
function page(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return;
  const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><meta charset="utf-8"><title>Mnemo</title><p>${escaped}</p>\n`);
}
