import { App, LogLevel, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatPorts } from '../../chat/ports.ts';
import type { SlackConfig } from '../../config/slack.ts';
import { ChannelPacer, type Sleep } from '../../http/channel-pacer.ts';
import type { PlatformAdapter } from '../../http/platform-adapter.ts';
import type { SlackInstaller } from '../../installs/slack/installer.ts';
import { asWorkspace } from '../../installs/slack/workspace-token.ts';
import { boltLogger } from '../../ops/bolt-logger.ts';
import { chooseReceiver } from './connection.ts';
import { registerListeners } from './handlers/listeners.ts';
import { SlackMessenger } from './send/messenger.ts';
import { asMnemoError, SlackApi, webClientOptions } from './send/slack-api.ts';
import { SlackUserLocales } from './send/user-locales.ts';

export interface SlackAdapterDeps extends ChatPorts {
  config: SlackConfig;
  log: Logger;
  /** How to wait out pacing and 429s; tests pass one that moves their clock. */
  sleep?: Sleep;
  /** Told the HTTP status of every failed Web API call (429 for rate limits), for metrics. */
  onPlatformError?: (status: number) => void;
  /** OAuth (config.oauth): each workspace's installation and token, built by the composition root. */
  installer?: SlackInstaller | null;
}

export type SlackAdapter = PlatformAdapter;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Slack adapter: Bolt's App with Mnemo's listeners behind the chosen receiver, and delivery's messenger. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, clock, log, installer = null } = deps;
  const sleep = deps.sleep ?? realSleep;
  const clientOptions = { ...webClientOptions(config.apiUrl), logger: boltLogger(log) };
  const api = new SlackApi(
    new webApi.WebClient(config.botToken ?? undefined, clientOptions),
    sleep,
    deps.onPlatformError,
    installer ? (token) => new webApi.WebClient(token, clientOptions) : undefined,
  );
  const messenger = new SlackMessenger({
    api,
    pacer: new ChannelPacer(clock, sleep),
    media: deps.cardMedia,
    inWorkspace: installer?.inWorkspace,
  });
  const { receiver, routes } = chooseReceiver(config.connection, { clock, log });
  const app = new App({
    receiver,
    ...(installer ? { authorize: installer.authorize } : { token: config.botToken ?? undefined }),
    clientOptions,
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
    // Mnemo keeps no conversation state in memory: every button carries what it needs.
    convoStore: false,
    // auth.test runs once, in start(), instead of in the constructor or on every request.
    deferInitialization: true,
  });
  // Listeners have their own error boundary; this only sees failures before them (e.g. authorisation).
  app.error(async (error) => {
    log.error({ err: error }, 'Bolt failed before reaching a listener');
  });
  if (installer) {
    // Every Web API call a listener makes goes out with the token of the workspace the request came from.
    app.use(async ({ context, next }) => (context.botToken ? asWorkspace(context.botToken, next) : next()));
    // Slack's word that a workspace removed Mnemo, or revoked its bot token: the token is deleted.
    app.event('app_uninstalled', async ({ context }) => installer.uninstall(context));
    app.event('tokens_revoked', async ({ event, context }) => {
      // Only the bot's token matters: Mnemo keeps no user token in use.
      if ((event.tokens.bot ?? []).length > 0) await installer.uninstall(context);
    });
  }
  registerListeners(app, {
    ...deps,
    api,
    messenger,
    locales: new SlackUserLocales(api, clock, log),
    command: config.command,
    apiUrl: config.apiUrl,
  });

  return {
    // HTTP mode: `/slack/events`; with OAuth also `/slack/install` and `/slack/oauth_redirect`.
    routes: { ...routes, ...installer?.routes },
    messenger,
    // The bot token is checked by `auth.test` (not with OAuth, which has none of its own).
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw asMnemoError('auth.test', error);
      }
      await app.start();
      log.info({ mode: config.connection.mode, command: config.command }, 'slack adapter started');
    },
    async stop() {
      await app.stop();
    },
  };
}
