import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness, textOf } from './support/harness.ts';
import { quizDecks, subscriptionsOf } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
  h.fake.users.set('U0MEMBER', { id: 'U0MEMBER', is_admin: false, is_owner: false, tz: 'Europe/Paris' });
  h.fake.users.set('U0ADMIN', { id: 'U0ADMIN', is_admin: true, tz: 'Europe/Berlin' });
  h.fake.users.set('U0OWNER', { id: 'U0OWNER', is_owner: true, is_primary_owner: true });
});
afterAll(() => h.close());

const member = { user: 'U0MEMBER' };
const admin = { user: 'U0ADMIN' };

describe('/mnemo daily', () => {
  it('GIVEN a member who is not an admin THEN /mnemo daily is refused after users.info, and nothing is stored', async () => {
    await h.command('daily <#C0QUIZ|quiz> 09:00 Europe/Paris', member);
    expect(h.fake.callsTo('users.info').map((call) => call.args.user)).toEqual(['U0MEMBER']);
    expect(textOf(h.lastResponse('U0MEMBER'))).toContain('Only workspace admins and owners');
    await h.command('daily off <#C0QUIZ|quiz>', member);
    await h.command('daily list', member);
    expect(textOf(h.lastResponse('U0MEMBER'))).toContain('Only workspace admins and owners');
    expect(await subscriptionsOf(h.db, 'slack:T1')).toEqual([]);
  });

  it('GIVEN an admin THEN the daily question is stored for the channel, in their Slack time zone unless one is given', async () => {
    await h.command('daily <#C0QUIZ|quiz> 9:30', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain(
      '<#C0QUIZ> gets a question of the day at *09:30* (Europe/Berlin)',
    );
    await h.command('daily <#C0DOCKER|docker> 17:00 America/New_York choice', { user: 'U0OWNER' });
    expect(await subscriptionsOf(h.db, 'slack:T1')).toEqual([
      {
        channelId: 'C0QUIZ',
        localTime: '09:30',
        timeZone: 'Europe/Berlin',
        deckId: null,
        active: true,
        createdBy: 'slack:T1:U0ADMIN',
      },
      {
        channelId: 'C0DOCKER',
        localTime: '17:00',
        timeZone: 'America/New_York',
        deckId: 'choice',
        active: true,
        createdBy: 'slack:T1:U0OWNER',
      },
    ]);
  });

  it('GIVEN an admin THEN daily list shows the channels as links, and daily off stops one', async () => {
    await h.command('daily list', admin);
    const list = textOf(h.lastResponse('U0ADMIN'));
    expect(list).toContain('<#C0QUIZ> at 09:30 Europe/Berlin');
    expect(list).toContain('<#C0DOCKER> at 17:00 America/New_York · deck `choice`');

    await h.command('daily off <#C0DOCKER|docker>', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain('Stopped the question of the day in <#C0DOCKER>.');
    expect((await subscriptionsOf(h.db, 'slack:T1')).map((row) => [row.channelId, row.active])).toEqual([
      ['C0QUIZ', true],
      ['C0DOCKER', false],
    ]);
  });

  it('GIVEN bad arguments THEN the reply names the problem and nothing changes', async () => {
    await h.command('daily <#C0NEW|new> 25:00', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain('“25:00” is not a time of day');
    await h.command('daily <#C0NEW|new> 08:00 Mars/Olympus', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain('“Mars/Olympus” is not a time zone');
    await h.command('daily <#C0NEW|new> 08:00 UTC nosuch', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain('There is no deck “nosuch”');
    await h.command('daily #general 08:00', admin);
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain(
      '`/mnemo daily #channel HH:MM [time zone] [deck] [lang:es]`',
    );
    expect((await subscriptionsOf(h.db, 'slack:T1')).map((row) => row.channelId)).toEqual([
      'C0QUIZ',
      'C0DOCKER',
    ]);
  });
});
