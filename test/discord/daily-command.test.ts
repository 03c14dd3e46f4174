import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema.ts';
import { EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  ADMIN_PERMISSIONS,
  CHANNEL,
  CHANNEL_OPTION,
  type CommandOption,
  GUILD,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  OTHER_CHANNEL,
  OTHER_GUILD,
  STRING,
  slashCommand,
  subcommand,
  type Where,
} from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

let world: World;
const bots = {} as Record<'http' | 'gateway', Bot>;

beforeAll(async () => {
  world = await World.start();
  bots.http = await world.httpBot();
  bots.gateway = await world.gatewayBot();
});
afterAll(() => world.close());

const setOptions = (
  channel: string,
  values: { time?: string; timezone?: string; deck?: string } = {},
): CommandOption[] => [
  { name: 'channel', type: CHANNEL_OPTION, value: channel },
  { name: 'time', type: STRING, value: values.time ?? '09:30' },
  { name: 'timezone', type: STRING, value: values.timezone ?? 'Europe/Berlin' },
  { name: 'deck', type: STRING, value: values.deck ?? 'choice' },
];

function daily(sub: string, options: CommandOption[], where: Where) {
  return slashCommand('daily', [subcommand(sub, options)], where);
}

async function storedDailies(tenantId: string) {
  return world.db.db
    .select({
      channelId: subscriptions.channelId,
      localTime: subscriptions.localTime,
      active: subscriptions.active,
    })
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, tenantId));
}

describe.each(['http', 'gateway'] as const)('/daily in %s mode', (mode) => {
  const guild = mode === 'http' ? '1300000000000000101' : '1300000000000000102';
  const tenant = `discord:${guild}`;

  it('GIVEN a member without Manage Server THEN /daily set is refused, and nothing is stored', async () => {
    // default_member_permissions hides /daily from them, but a server admin may have overridden that.
    const reply = await bots[mode].send(
      daily('set', setOptions(CHANNEL), { guild, permissions: MEMBER_PERMISSIONS }),
    );
    expect(reply).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(reply.data.content).toBe(
      'Only members with the **Manage Server** permission can manage the question of the day.',
    );
    expect(await storedDailies(tenant)).toEqual([]);
    const off = await bots[mode].send(
      daily('off', [{ name: 'channel', type: CHANNEL_OPTION, value: CHANNEL }], { guild }),
    );
    expect(off.data.content).toContain('Manage Server');
  });

  it('GIVEN a member with Manage Server THEN /daily set starts the question of the day in that channel', async () => {
    const reply = await bots[mode].send(
      daily('set', setOptions(CHANNEL), { guild, permissions: MANAGER_PERMISSIONS }),
    );
    expect(reply.data.content).toBe(
      `📅 <#${CHANNEL}> gets a question of the day at **09:30** (Europe/Berlin), from deck \`choice\`.`,
    );
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(await storedDailies(tenant)).toEqual([{ channelId: CHANNEL, localTime: '09:30', active: true }]);
  });
});

describe('/daily', () => {
  const bot = () => bots.http;

  it('GIVEN an Administrator THEN /daily set is allowed (Administrator implies Manage Server), and "Every deck" means no deck', async () => {
    const reply = await bot().send(
      daily('set', setOptions(OTHER_CHANNEL, { deck: '*', time: '18:00', timezone: 'UTC' }), {
        permissions: ADMIN_PERMISSIONS,
      }),
    );
    expect(reply.data.content).toBe(
      `📅 <#${OTHER_CHANNEL}> gets a question of the day at **18:00** (UTC), from every deck.`,
    );
  });

  it.each([
    ['a time that is not HH:MM', { time: '9h30' }, '“9h30” is not a time of day: use HH:MM, such as 09:30.'],
    [
      'an unknown time zone',
      { timezone: 'Mars/Olympus' },
      '“Mars/Olympus” is not a time zone: use an IANA name such as Europe/Berlin.',
    ],
    ['an unknown deck', { deck: 'nope' }, 'There is no deck “nope”: `/deck list` shows them.'],
  ])('GIVEN %s THEN it says what is wrong, and stores nothing', async (_name, values, words) => {
    const guild = '1300000000000000103';
    const reply = await bot().send(
      daily('set', setOptions(CHANNEL, values), { guild, permissions: MANAGER_PERMISSIONS }),
    );
    expect(reply.data.content).toBe(words);
    expect(await storedDailies(`discord:${guild}`)).toEqual([]);
  });

  it("GIVEN dailies in two servers THEN /daily list shows this server's only", async () => {
    await bot().send(
      daily('set', setOptions(CHANNEL), { guild: OTHER_GUILD, permissions: MANAGER_PERMISSIONS }),
    );
    await bot().send(
      daily('set', setOptions(OTHER_CHANNEL), { guild: GUILD, permissions: MANAGER_PERMISSIONS }),
    );
    const list = await bot().send(daily('list', [], { guild: GUILD, permissions: MANAGER_PERMISSIONS }));
    expect(list.data.content).toContain(`<#${OTHER_CHANNEL}>`);
    expect(list.data.content).not.toContain(`<#${CHANNEL}>`);
  });

  it('GIVEN /daily off THEN the channel stops, and saying it again tells there was none', async () => {
    const guild = '1300000000000000104';
    await bot().send(daily('set', setOptions(CHANNEL), { guild, permissions: MANAGER_PERMISSIONS }));
    const off = daily('off', [{ name: 'channel', type: CHANNEL_OPTION, value: CHANNEL }], {
      guild,
      permissions: MANAGER_PERMISSIONS,
    });
    expect((await bot().send(off)).data.content).toBe(`Stopped the question of the day in <#${CHANNEL}>.`);
    const again = daily('off', [{ name: 'channel', type: CHANNEL_OPTION, value: CHANNEL }], {
      guild,
      permissions: MANAGER_PERMISSIONS,
    });
    expect((await bot().send(again)).data.content).toBe(`<#${CHANNEL}> had no question of the day.`);
    expect(await storedDailies(`discord:${guild}`)).toEqual([
      { channelId: CHANNEL, localTime: '09:30', active: false },
    ]);
  });

  it('GIVEN /daily or /leaderboard in a DM THEN a polite refusal: they belong to a server', async () => {
    for (const command of [
      daily('list', [], { guild: null }),
      slashCommand('leaderboard', [], { guild: null }),
    ]) {
      const reply = await bot().send(command);
      expect(reply).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
      expect(reply.data.content).toBe(
        'This works in a server, not in DMs: use it in a channel of your server.',
      );
    }
  });
});
