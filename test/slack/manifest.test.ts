import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../src/adapters/slack/index.ts';
import { SLACK_DEFAULTS } from '../../src/config/slack.ts';
import { SLACK_BOT_SCOPES, SLACK_OAUTH_REDIRECT_PATH } from '../../src/installs/slack/installer.ts';
import { ROOT } from '../support/cli.ts';

/** The bot scopes each Web API method Mnemo calls needs (none for views.*). */
const METHOD_SCOPES: Record<string, string | string[] | null> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  // Public channels, private channels and DMs: a retried delivery looks for its earlier post in any of them.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.open': 'im:write',
  'files.uploadV2': 'files:write',
  'views.open': null,
  'views.publish': null,
  'users.info': 'users:read',
};

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

async function manifest(): Promise<Manifest> {
  return parse(await readFile(join(ROOT, 'slack-manifest.yaml'), 'utf8'));
}

/** Every `client.<family>.<method>(` call in the adapter's source. */
async function methodsCalled(): Promise<string[]> {
  const dir = join(ROOT, 'src/adapters/slack');
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const methods = new Set<string>();
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const match of text.matchAll(/client\.(\w+)\.(\w+)\(/g)) methods.add(`${match[1]}.${match[2]}`);
  }
  return [...methods].sort();
}

describe('slack-manifest.yaml', () => {
  it('GIVEN the manifest THEN it declares the /mnemo command, escaped, on /slack/events', async () => {
    const { features } = await manifest();
    expect(features.bot_user.display_name).toBe('Mnemo');
    expect(features.slash_commands).toHaveLength(1);
    const [command] = features.slash_commands;
    expect(command?.command).toBe(SLACK_DEFAULTS.command);
    expect(command?.should_escape).toBe(true);
    expect(new URL(command?.url ?? '').pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('GIVEN the manifest THEN interactivity and events go to /slack/events, with app_home_opened and the Home tab on', async () => {
    const { settings, features } = await manifest();
    expect(settings.interactivity.is_enabled).toBe(true);
    expect(new URL(settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(features.app_home.home_tab_enabled).toBe(true);
    expect(features.app_home.messages_tab_enabled).toBe(true);
    expect(settings.socket_mode_enabled).toBe(false);
  });

  it('GIVEN the Web API methods the adapter calls THEN the manifest asks for exactly their scopes, the command and DMs', async () => {
    const called = await methodsCalled();
    expect(called).toEqual(Object.keys(METHOD_SCOPES).sort());
    const needed = new Set([
      'commands',
      'im:write',
      // Not a Web API method: /mnemo deck import fetches the uploaded file's url_private with the bot token.
      'files:read',
      ...called.flatMap((method) => METHOD_SCOPES[method] ?? []),
    ]);
    expect((await manifest()).oauth_config.scopes.bot.sort()).toEqual([...needed].sort());
  });

  it("GIVEN OAuth installs THEN they ask for the manifest's scopes and come back to /slack/oauth_redirect", async () => {
    const { oauth_config } = await manifest();
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...oauth_config.scopes.bot].sort());
    expect(oauth_config.redirect_urls.map((url) => new URL(url).pathname)).toEqual([
      SLACK_OAUTH_REDIRECT_PATH,
    ]);
  });
});
