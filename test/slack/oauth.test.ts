import { randomBytes } from 'node:crypto';
import { ClearStateStore } from '@slack/oauth';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personOf, placeOf } from '../../src/adapters/slack/identity.ts';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { slackInstallations, tenants } from '../../src/db/schema.ts';
import { PgSlackInstallations } from '../../src/db/slack-installations.ts';
import { SecretBox } from '../../src/installs/secret-box.ts';
import type { SlackInstallationRows } from '../../src/installs/slack/installation-rows.ts';
import {
  INSTALLATION_CACHE_MS,
  SealedInstallationStore,
} from '../../src/installs/slack/installation-store.ts';
import { deckOf, MINUTE, typedCard } from '../support/fixtures.ts';
import { SlackHarness } from './support/harness.ts';
import { slashCommand } from './support/payloads.ts';

const STATE_SECRET = 'state-secret-for-the-tests';
const KEY = randomBytes(32);
const ALPHA = {
  code: 'code-alpha',
  teamId: 'T0ALPHA',
  teamName: 'Alpha',
  token: 'xoxb-alpha-token',
  botUserId: 'UBOTA',
  installerId: 'UALPHAADMIN',
};
const BETA = {
  code: 'code-beta',
  teamId: 'T0BETA',
  teamName: 'Beta',
  token: 'xoxb-beta-token',
  botUserId: 'UBOTB',
  installerId: 'UBETAADMIN',
};
/** An Enterprise Grid org installing once for all its workspaces. */
const GRID = {
  code: 'code-grid',
  teamId: '',
  enterpriseId: 'E0ORG',
  teamName: 'Grid Org',
  token: 'xoxb-grid-token',
  botUserId: 'UBOTG',
  installerId: 'UGRIDADMIN',
};
const COOKIE = 'slack-app-oauth-state';

let h: SlackHarness;
const installed: string[] = [];

beforeAll(async () => {
  h = await SlackHarness.start({
    decks: [deckOf('oauth', [typedCard('o-1', 'kubelet')])],
    oauth: {
      clientId: '111.222',
      clientSecret: 'client-secret',
      stateSecret: STATE_SECRET,
      secretKey: KEY,
      oldSecretKey: null,
    },
    // buildBot lifts a stop on the workspace's deliveries at an install, then tells this hook.
    onInstalled: async (tenantId) => {
      installed.push(tenantId);
    },
  });
  h.fake.workspaces.push(ALPHA, BETA, GRID);
});
afterAll(() => h.close());

/** The browser's way through: the install page sets the state cookie, Slack sends it back with a code. */
async function install(code: string, forged?: string): Promise<{ status: number; text: string }> {
  const page = await fetch(h.url('/slack/install'));
  expect(page.status).toBe(200);
  const state = new RegExp(`${COOKIE}=([^;]+)`).exec(page.headers.get('set-cookie') ?? '')?.[1];
  if (!state) throw new Error('no state cookie');
  const link = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&') ?? '';
  expect(new URL(link).searchParams.get('state')).toBe(state);
  expect(new URL(link).searchParams.get('scope')).toContain('chat:write');
  const sent = forged ?? state;
  const back = await fetch(h.url(`/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(sent)}`), {
    headers: { cookie: `${COOKIE}=${sent}` },
  });
  return { status: back.status, text: await back.text() };
}

function uninstalled(teamId: string): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: teamId,
    api_app_id: 'A0MNEMO',
    event: { type: 'app_uninstalled', event_ts: '1777000000.000200' },
    type: 'event_callback',
    event_id: `Ev-uninstall-${teamId}`,
    event_time: 1_777_000_000,
  });
}

function deliveries(problems: string[] = []): Deliveries {
  return new Deliveries({
    store: new PgDeliveryStore(h.db),
    clock: h.clock,
    messengers: { slack: h.adapter.messenger },
    onProblem: (problem) => problems.push(problem.message),
  });
}

async function blockedTenants(): Promise<string[]> {
  const rows = await h.db.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.platform, 'slack'), isNotNull(tenants.deliveryBlockedAt)))
    .orderBy(tenants.id);
  return rows.map((row) => row.id);
}

describe('sealed secrets', () => {
  it('GIVEN a sealed token altered by one character THEN it does not open; GIVEN the right box THEN it does', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('xoxb-secret');
    expect(sealed).not.toContain('xoxb');
    expect(box.open(sealed)).toEqual({ plaintext: 'xoxb-secret', stale: false });
    const at = sealed.length - 2;
    const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(() => box.open(tampered)).toThrow(/does not open with its key/);
    expect(() => box.open('plain-text')).toThrow(/not in the sealed format/);
  });
});

describe('Slack OAuth for many workspaces', () => {
  it('GIVEN a forged state, or one older than ten minutes THEN the install is refused and no code is exchanged', async () => {
    const forged = await new ClearStateStore('another-secret').generateStateParam({ scopes: [] }, new Date());
    const old = await new ClearStateStore(STATE_SECRET).generateStateParam(
      { scopes: [] },
      new Date(Date.now() - 3_600_000),
    );
    for (const state of [forged, old]) {
      const refused = await install(ALPHA.code, state);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('This install link has expired or was not made here.');
    }
    expect(h.fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(await h.db.db.select().from(slackInstallations)).toEqual([]);
  });

  it('GIVEN two workspaces installing THEN each is stored by team id with its bot user, scopes and installer, tokens sealed', async () => {
    for (const workspace of [ALPHA, BETA]) {
      const done = await install(workspace.code);
      expect(done).toMatchObject({
        status: 200,
        text: expect.stringContaining(`installed in ${workspace.teamName}`),
      });
    }
    expect(installed).toEqual(['slack:T0ALPHA', 'slack:T0BETA']);
    const rows = await h.db.db.select().from(slackInstallations).orderBy(slackInstallations.id);
    expect(rows.map((row) => [row.id, row.teamId, row.botUserId, row.installerUserId])).toEqual([
      ['T0ALPHA', 'T0ALPHA', 'UBOTA', 'UALPHAADMIN'],
      ['T0BETA', 'T0BETA', 'UBOTB', 'UBETAADMIN'],
    ]);
    expect(rows[0]?.scopes).toContain('chat:write');
    const stored = JSON.stringify(await h.db.raw.query('select * from slack_installations'));
    expect(stored).not.toContain('xoxb-');
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-');
  });

  it('GIVEN a command from each workspace THEN each is answered with its own workspace token', async () => {
    h.fake.calls.length = 0;
    await h.command('settings', { user: 'U1', team: ALPHA.teamId });
    await h.command('settings', { user: 'U2', team: BETA.teamId });
    expect(h.fake.callsTo('views.open').map((call) => [call.args.trigger_id, call.token])).toEqual([
      ['trigger-U1', ALPHA.token],
      ['trigger-U2', BETA.token],
    ]);
  });

  it('GIVEN one workspace uninstalls THEN its token is deleted and only its deliveries stop', async () => {
    for (const workspace of [ALPHA, BETA]) {
      const daily = await h.community.setDaily(
        placeOf(workspace.teamId),
        { ...personOf(workspace.teamId, workspace.installerId), isAdmin: true },
        { channelId: `C${workspace.teamId}`, localTime: '09:30', timeZone: 'UTC', deckId: null },
      );
      expect(daily.ok).toBe(true);
    }
    expect((await h.post(uninstalled(BETA.teamId), { contentType: 'application/json' })).status).toBe(200);
    // Events are acknowledged before their listener runs: wait for the installation to go.
    const left = async () => (await h.db.db.select().from(slackInstallations)).map((row) => row.id);
    for (let tries = 0; tries < 200 && (await left()).length > 1; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await left()).toEqual(['T0ALPHA']);

    h.fake.calls.length = 0;
    const problems: string[] = [];
    h.clock.advance(31 * MINUTE);
    const report = await deliveries(problems).tick();
    expect(report).toMatchObject({ sent: 1 });
    expect(h.fake.callsTo('chat.postMessage').map((call) => [call.args.channel, call.token])).toEqual([
      ['CT0ALPHA', ALPHA.token],
    ]);
    expect(problems).toEqual([expect.stringContaining('delivery is stopped for slack:T0BETA only')]);
    expect(await blockedTenants()).toEqual(['slack:T0BETA']);
  });

  it('GIVEN the uninstalled workspace installs again THEN its deliveries resume, with its token', async () => {
    expect((await install(BETA.code)).status).toBe(200);
    expect(await blockedTenants()).toEqual([]);
    h.fake.calls.length = 0;
    expect(await deliveries().tick()).toMatchObject({ sent: 1 });
    expect(h.fake.callsTo('chat.postMessage').map((call) => [call.args.channel, call.token])).toEqual([
      ['CT0BETA', BETA.token],
    ]);
  });

  it("GIVEN Slack refuses one workspace's token THEN delivery stops there only, and the other workspace gets its question", async () => {
    h.fake.revoked.add(ALPHA.token);
    h.fake.calls.length = 0;
    h.clock.advance(24 * 60 * MINUTE);
    expect(await deliveries().tick()).toMatchObject({ sent: 1 });
    // Both were tried, each with its own token (in either order: deliveries go out concurrently).
    const tried = h.fake.callsTo('chat.postMessage').map((call) => [call.args.channel, call.token]);
    expect(tried.sort()).toEqual([
      ['CT0ALPHA', ALPHA.token],
      ['CT0BETA', BETA.token],
    ]);
    expect(await blockedTenants()).toEqual(['slack:T0ALPHA']);
    h.fake.revoked.delete(ALPHA.token);
  });

  it("GIVEN an org-wide install THEN it is stored by enterprise id, and its workspaces' commands and deliveries use its token", async () => {
    expect((await install(GRID.code)).status).toBe(200);
    const [row] = await h.db.db.select().from(slackInstallations).where(eq(slackInstallations.id, 'E0ORG'));
    expect(row).toMatchObject({ teamId: null, enterpriseId: 'E0ORG', isEnterpriseInstall: true });

    h.fake.calls.length = 0;
    const command = new URLSearchParams(
      slashCommand('settings', { user: 'UG1', team: 'T0GRID1', responseUrl: h.fake.responseUrl('UG1') }),
    );
    command.set('enterprise_id', 'E0ORG');
    command.set('is_enterprise_install', 'true');
    await h.interact(command.toString());
    expect(h.fake.callsTo('views.open').map((call) => call.token)).toEqual([GRID.token]);

    const daily = await h.community.setDaily(
      placeOf('T0GRID1'),
      { ...personOf('T0GRID1', 'UG1'), isAdmin: true },
      { channelId: 'CGRID', localTime: '09:30', timeZone: 'UTC', deckId: null },
    );
    expect(daily.ok).toBe(true);
    h.clock.advance(24 * 60 * MINUTE);
    await deliveries().tick();
    const posted = h.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CGRID');
    expect(posted.map((call) => call.token)).toEqual([GRID.token]);
  });

  it('GIVEN a workspace asked for again within a minute THEN its installation is read and opened once, and an uninstall is seen at once', async () => {
    const real = new PgSlackInstallations(h.db.db);
    const reads: string[] = [];
    const counted: SlackInstallationRows = {
      save: (row, now) => real.save(row, now),
      find: (id) => {
        reads.push(id);
        return real.find(id);
      },
      reseal: (id, sealed) => real.reseal(id, sealed),
      delete: (id) => real.delete(id),
      rememberOrgWorkspace: (teamId, enterpriseId, now) =>
        real.rememberOrgWorkspace(teamId, enterpriseId, now),
      enterpriseOf: (teamId) => real.enterpriseOf(teamId),
    };
    const store = new SealedInstallationStore(counted, new SecretBox(KEY), h.clock);
    const beta = { teamId: BETA.teamId, isEnterpriseInstall: false, enterpriseId: undefined } as const;
    const first = await store.fetchInstallation(beta);
    const second = await store.fetchInstallation(beta);
    expect([first.bot?.token, second.bot?.token]).toEqual([BETA.token, BETA.token]);
    expect(reads).toEqual([BETA.teamId]);

    h.clock.advance(INSTALLATION_CACHE_MS + 1);
    expect((await store.find(beta))?.bot?.token).toBe(BETA.token);
    expect(reads).toEqual([BETA.teamId, BETA.teamId]);

    const sealed = await real.find(BETA.teamId);
    await store.deleteInstallation(beta);
    expect(await store.find(beta)).toBeNull();
    await expect(store.fetchInstallation(beta)).rejects.toThrow(/no Slack installation for team T0BETA/);
    // Put Beta back as another replica's install would: a missing installation is not kept, so it is seen at once.
    await real.save({ id: BETA.teamId, teamId: BETA.teamId, sealed: sealed?.sealed ?? '' }, h.clock.now());
    expect((await store.find(beta))?.bot?.token).toBe(BETA.token);
  });

  it('GIVEN the secret key rotated THEN an installation sealed with the old key opens and is sealed again with the new one', async () => {
    const rows = new PgSlackInstallations(h.db.db);
    const newKey = randomBytes(32);
    const rotated = new SealedInstallationStore(rows, new SecretBox(newKey, KEY), h.clock);
    const alpha = () =>
      h.db.db.select().from(slackInstallations).where(eq(slackInstallations.id, ALPHA.teamId));
    const [before] = await alpha();
    const found = await rotated.find({
      teamId: ALPHA.teamId,
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    expect(found?.bot?.token).toBe(ALPHA.token);
    const [after] = await alpha();
    expect(after?.sealed).not.toBe(before?.sealed);
    expect(() => new SecretBox(KEY).open(after?.sealed ?? '')).toThrow(/neither MNEMO_SECRET_KEY nor/);
    expect(new SecretBox(newKey).open(after?.sealed ?? '').stale).toBe(false);
  });
});
