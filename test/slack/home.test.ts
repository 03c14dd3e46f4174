import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

const publishesTo = (user: string) =>
  h.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);

describe('App Home', () => {
  it('GIVEN app_home_opened THEN the Home tab is published with due counts, streak, retention and "Start review"', async () => {
    const reply = await h.homeOpened('Ev0HOME1', 'U400');
    expect(reply).toEqual({ status: 200, text: '' });
    const [published] = publishesTo('U400');
    const view = published?.args.view as Record<string, unknown>;
    expect(view.type).toBe('home');
    const text = textOf(view);
    expect(text).toContain('*Due now:* 0');
    expect(text).toContain('*Streak:* 0 days');
    expect(text).toContain('*Retention (30 days):* no reviews yet');
    expect(buttonIn(view, 'mn:start').text.text).toBe('Start review');
  });

  it('GIVEN "Start review" in the Home tab THEN the first card is posted to the person\'s DM with Mnemo', async () => {
    const view = publishesTo('U400')[0]?.args.view as Record<string, unknown>;
    await h.click({ user: 'U400', actionId: 'mn:start', value: buttonIn(view, 'mn:start').value });
    const posted = h.fake.callsTo('chat.postMessage').at(-1)?.args ?? {};
    expect(posted.channel).toBe('U400');
    expect(textOf(posted)).toContain('· new');
    expect(buttonsIn(posted).length).toBeGreaterThan(0);
  });
});

describe('Events API retries (X-Slack-Retry-Num)', () => {
  it('GIVEN an event handled once THEN its retry is acknowledged and skipped', async () => {
    await h.homeOpened('Ev0RETRY1', 'U401');
    const retry = await h.homeOpened('Ev0RETRY1', 'U401', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    expect(publishesTo('U401')).toHaveLength(1);
  });

  it('GIVEN the first attempt failed THEN a later retry is processed', async () => {
    h.fake.script('views.publish', { body: { ok: false, error: 'internal_error' } });
    await h.homeOpened('Ev0RETRY2', 'U402');
    expect(
      h.logs.filter((line) => line.msg === 'slack interaction failed' && line.command === 'app_home_opened'),
    ).toHaveLength(1);

    // Slack retries about a minute later; an attempt that never completed by then is taken as failed.
    h.clock.advance(60_000);
    await h.homeOpened('Ev0RETRY2', 'U402', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_error',
    });
    expect(publishesTo('U402')).toHaveLength(2);
    await h.homeOpened('Ev0RETRY2', 'U402', {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_error',
    });
    expect(publishesTo('U402')).toHaveLength(2);
  });
});
