import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personOf, placeOf } from '../../src/adapters/slack/identity.ts';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;
let deliveries: Deliveries;
const problems: string[] = [];

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks(), start: '2026-05-04T08:00:00Z' });
  h.fake.users.set('U0ES', { id: 'U0ES', locale: 'es-ES' });
  h.fake.users.set('U0EN', { id: 'U0EN' });
  h.fake.users.set('U0JADMIN', { id: 'U0JADMIN', is_admin: true, tz: 'UTC', locale: 'ja-JP' });
  deliveries = new Deliveries({
    store: new PgDeliveryStore(h.db),
    clock: h.clock,
    messengers: { slack: h.adapter.messenger },
    onProblem: (problem) => problems.push(problem.message),
  });
});
afterAll(() => h.close());

/** The text `work` posted to a channel. */
async function postedBy(work: () => Promise<unknown>, channel: string): Promise<string> {
  const from = h.fake.callsTo('chat.postMessage').length;
  await work();
  const post = h.fake
    .callsTo('chat.postMessage')
    .slice(from)
    .find((call) => call.args.channel === channel);
  return textOf(post?.args ?? {});
}

describe('deliveries on Slack, in the language of who reads them', () => {
  it('GIVEN a person whose Slack is in Spanish THEN their DM reminder is in Spanish; GIVEN one who never told THEN English', async () => {
    for (const user of ['U0ES', 'U0EN']) {
      const person = personOf('T1', user);
      const prompt = await h.quiz.promptFor(placeOf('T1'), person, 'typed-1');
      if (!prompt.ok) throw new Error('no card to prompt');
      await h.quiz.answer(prompt.prompt.id, person, { kind: 'typed', text: 'wrong' });
      // Any command of theirs: Mnemo learns their Slack language (users.info) and keeps it for reminders.
      await h.command('stats', { user });
      await h.community.setReminder(placeOf('T1'), person, {
        enabled: true,
        localTime: '09:00',
        timeZone: 'UTC',
      });
    }
    expect(textOf(h.lastResponse('U0ES'))).toContain('*Tu progreso*');

    h.clock.set('2026-05-04T09:00:30Z');
    const from = h.fake.callsTo('chat.postMessage').length;
    expect(await deliveries.tick()).toMatchObject({ sent: 2 });
    const dmTo = (user: string) =>
      textOf(
        h.fake
          .callsTo('chat.postMessage')
          .slice(from)
          .find((call) => call.args.channel === user)?.args ?? {},
      );
    expect(dmTo('U0ES')).toContain('Tienes *1 tarjeta* pendiente.');
    expect(dmTo('U0ES')).toContain('Empezar a repasar');
    expect(dmTo('U0EN')).toContain('You have *1 card* due.');
    expect(problems).toEqual([]);
  });

  it('GIVEN an admin whose Slack is in Japanese sets the question of the day THEN it and its end-of-day edit are in Japanese', async () => {
    await h.command('daily <#C0JA|ja> 10:00', { user: 'U0JADMIN' });
    // The admin reads their own reply in Japanese too.
    expect(textOf(h.lastResponse('U0JADMIN'))).toContain('<#C0JA> に毎日 *10:00*(UTC)');

    h.clock.set('2026-05-04T10:00:30Z');
    const post = await postedBy(
      async () => expect(await deliveries.tick()).toMatchObject({ sent: 1 }),
      'C0JA',
    );
    expect(post).toContain('*今日の問題*');
    expect(post).toContain('まだ誰も回答していません');

    h.clock.set('2026-05-05T00:00:30Z');
    expect(await deliveries.tick()).toMatchObject({ closed: 1 });
    const edit = textOf(h.fake.callsTo('chat.update').at(-1)?.args ?? {});
    expect(edit).toContain('この日の回答は締め切りました');
    expect(edit).toContain('*答え:*');
    expect(edit).not.toContain('The day is over');
    expect(problems).toEqual([]);
  });

  it('GIVEN the Japanese admin sets a question of the day with lang:de THEN that channel gets it in German', async () => {
    await h.command('daily <#C0DE|de> 11:00 lang:de', { user: 'U0JADMIN' });
    expect(textOf(h.lastResponse('U0JADMIN'))).toContain('<#C0DE> に毎日 *11:00*(UTC)');

    h.clock.set('2026-05-05T11:00:30Z');
    const post = await postedBy(() => deliveries.tick(), 'C0DE');
    expect(post).toContain('*Frage des Tages*');
    expect(post).toContain('Noch hat niemand geantwortet');
    expect(problems).toEqual([]);
  });

  it("GIVEN users.info fails for a person THEN English, and one warning for them naming Slack's reason and no token", async () => {
    const before = h.logs.length;
    await h.command('stats', { user: 'U0GONE' });
    await h.command('stats', { user: 'U0GONE' });
    expect(textOf(h.lastResponse('U0GONE'))).toContain('*Your progress*');
    const warnings = h.logs.slice(before).filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      team: 'T1',
      user: 'U0GONE',
      reason: expect.stringContaining('user_not_found'),
    });
    expect(JSON.stringify(h.logs.slice(before))).not.toContain('xoxb-');
  });

  it('GIVEN users.info failing for a person THEN their clicks do not ask Slack again for ten minutes, and then it is asked once more', async () => {
    const asked = () => h.fake.callsTo('users.info').filter((call) => call.args.user === 'U0LOST').length;
    h.clock.set('2026-05-06T08:00:00Z');
    await h.command('stats', { user: 'U0LOST' });
    await h.command('stats', { user: 'U0LOST' });
    await h.command('stats', { user: 'U0LOST' });
    expect(asked()).toBe(1);
    expect(textOf(h.lastResponse('U0LOST'))).toContain('*Your progress*');
    h.clock.set('2026-05-06T08:10:01Z');
    await h.command('stats', { user: 'U0LOST' });
    expect(asked()).toBe(2);
  });
});
