import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personOf, placeOf } from '../../src/adapters/slack/identity.ts';
import { SlackMessenger } from '../../src/adapters/slack/send/messenger.ts';
import type { Card } from '../../src/core/deck/card.ts';
import type { DailyQuestion } from '../../src/core/delivery/ports.ts';
import { MnemoError } from '../../src/core/errors.ts';
import { deliveries } from '../../src/db/schema.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { choiceCard, reviewsOf } from './support/store.ts';

const CHOICE = choiceCard('daily-choice', 'Which port does HTTPS use?', ['80', '443', '8080'], 1);
const TYPED = typedCard('daily-typed', 'kubelet', { question: 'Which agent runs on every Kubernetes node?' });

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: [deckOf('daily', [CHOICE, TYPED])] });
});
afterAll(() => h.close());
beforeEach(() => {
  h.sleeps.length = 0;
});

/** A channel daily and one delivery of it, as the delivery planner would have stored them. */
async function delivery(channelId: string, card: Card): Promise<DailyQuestion> {
  const place = placeOf('T1');
  const outcome = await h.community.setDaily(
    place,
    { ...personOf('T1', 'U0ADMIN'), isAdmin: true },
    { channelId, localTime: '09:00', timeZone: 'UTC', deckId: null },
  );
  if (!outcome.ok) throw new Error(outcome.code);
  const now = h.clock.now();
  const [row] = await h.db.db
    .insert(deliveries)
    .values({
      subscriptionId: outcome.daily.id,
      localDate: '2026-05-04',
      dueAt: now,
      endsAt: new Date(now.getTime() + 15 * 3_600_000),
      channelId,
      status: 'sent',
      cardId: card.id,
    })
    .returning({ id: deliveries.id });
  if (!row) throw new Error('no delivery row');
  return {
    deliveryId: row.id,
    tenantId: place.tenantId,
    channelId,
    card,
    localDate: '2026-05-04',
    locale: 'en',
  };
}

describe('SlackMessenger: the channel question of the day', () => {
  it('GIVEN a retry of a question an earlier attempt posted (its instance died before marking it sent) THEN the earlier message is returned and nothing is posted again', async () => {
    const question = await delivery('C0RETRY', CHOICE);
    const first = await h.adapter.messenger.postDailyQuestion(question, `mnemo-${question.deliveryId}`, 1);
    const slack = h.adapter.messenger;
    if (!(slack instanceof SlackMessenger)) throw new Error('the Slack adapter has another messenger');
    await slack.post('C0RETRY', { text: 'a later message, not a delivery', blocks: [] });
    const again = await h.adapter.messenger.postDailyQuestion(question, `mnemo-${question.deliveryId}`, 2);
    expect(again).toEqual(first);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RETRY')).toHaveLength(2);
    const [look] = h.fake.callsTo('conversations.history');
    expect(look?.args).toMatchObject({ channel: 'C0RETRY', include_all_metadata: 'true' });
  });

  it('GIVEN a retry whose first attempt never posted, or a channel whose history cannot be read THEN it is posted', async () => {
    const question = await delivery('C0NOTYET', CHOICE);
    await h.adapter.messenger.postDailyQuestion(question, 'k', 2);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0NOTYET')).toHaveLength(1);
    const hidden = await delivery('C0NOSCOPE', CHOICE);
    h.fake.script('conversations.history', { body: { ok: false, error: 'missing_scope' } });
    await h.adapter.messenger.postDailyQuestion(hidden, 'k', 3);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0NOSCOPE')).toHaveLength(1);
  });

  it('GIVEN a first attempt THEN the channel history is not read', async () => {
    const before = h.fake.callsTo('conversations.history').length;
    const question = await delivery('C0FIRST', CHOICE);
    await h.adapter.messenger.postDailyQuestion(question, 'k', 1);
    expect(h.fake.callsTo('conversations.history')).toHaveLength(before);
  });

  it('GIVEN a question THEN chat.postMessage puts it in the channel with answer buttons and delivery metadata', async () => {
    const question = await delivery('C0POST', CHOICE);
    const sent = await h.adapter.messenger.postDailyQuestion(question, `mnemo-${question.deliveryId}`);
    const [call] = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0POST');
    expect(call?.token).toBe('xoxb-test-token');
    expect(sent).toEqual({ messageId: expect.stringMatching(/^\d+\.\d+$/), channelId: 'C0POST' });
    expect(textOf(call?.args ?? {})).toContain('*Question of the day* · `test`');
    expect(buttonsIn(call?.args ?? {}).map((button) => [button.action_id, button.text.text])).toEqual([
      ['mn:daily-choice:0', '80'],
      ['mn:daily-choice:1', '443'],
      ['mn:daily-choice:2', '8080'],
    ]);
    expect(call?.args.metadata).toEqual({
      event_type: 'mnemo_delivery',
      event_payload: { delivery_id: question.deliveryId, idempotency_key: `mnemo-${question.deliveryId}` },
    });
  });

  it('GIVEN people click an answer in the channel THEN each gets an ephemeral verdict, and the count on the post is updated', async () => {
    const question = await delivery('C0ANSWER', CHOICE);
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'k');
    const post = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0ANSWER')?.args ?? {};
    const click = (user: string, option: number) =>
      h.click({
        user,
        actionId: `mn:daily-choice:${option}`,
        value: buttonIn(post, `mn:daily-choice:${option}`).value,
        responseUrl: h.fake.responseUrl(`${user}-daily`),
        channel: 'C0ANSWER',
        messageTs: sent.messageId,
        ephemeral: false,
      });

    await click('U301', 1);
    const verdict = h.lastResponse('U301-daily');
    expect(verdict).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(verdict)).toContain('*Correct!*');
    const updates = () => h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C0ANSWER');
    expect(updates().map((c) => c.args.ts)).toEqual([sent.messageId]);
    expect(textOf(updates()[0]?.args ?? {})).toContain('1 member answered');

    await click('U302', 0);
    expect(textOf(h.lastResponse('U302-daily'))).toContain('*Not quite.*');
    expect(textOf(updates()[1]?.args ?? {})).toContain('2 members answered');

    await click('U301', 0); // a second try counts for nothing
    expect(textOf(h.lastResponse('U301-daily'))).toContain('Already answered');
    expect(updates()).toHaveLength(2);
    expect((await reviewsOf(h.db, 'T1:U301')).map((row) => [row.cardId, row.rating])).toEqual([
      ['daily-choice', 3],
    ]);
  });

  it('GIVEN a typed question of the day THEN "Answer" opens a modal and the verdict is ephemeral', async () => {
    const question = await delivery('C0TYPED', TYPED);
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'k');
    const post = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0TYPED')?.args ?? {};
    await h.click({
      user: 'U303',
      actionId: 'mn:daily-answer',
      value: buttonIn(post, 'mn:daily-answer').value,
      responseUrl: h.fake.responseUrl('U303-daily'),
      channel: 'C0TYPED',
      messageTs: sent.messageId,
      ephemeral: false,
    });
    const modal = h.fake.callsTo('views.open').at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(JSON.stringify(modal)).toContain('Which agent runs on every Kubernetes node?');
    await h.submit({
      user: 'U303',
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: { answer: { text: { type: 'plain_text_input', value: 'kubelet' } } },
    });
    expect(h.lastResponse('U303-daily')).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
    expect(textOf(h.fake.callsTo('chat.update').at(-1)?.args ?? {})).toContain('1 member answered');
  });

  it('GIVEN the day is over THEN chat.update shows the answer and the count, without buttons', async () => {
    const question = await delivery('C0REVEAL', CHOICE);
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'k');
    const someone = personOf('T1', 'U304');
    const opened = await h.quiz.promptFor(placeOf('T1'), someone, CHOICE.id, {
      deliveryId: question.deliveryId,
    });
    if (!opened.ok) throw new Error(opened.code);
    await h.quiz.answer(opened.prompt.id, someone, { kind: 'choice', option: 1 });
    await h.adapter.messenger.updateDailyQuestion(question, sent, { answered: 1, revealAnswer: true });
    const update = h.fake.callsTo('chat.update').at(-1)?.args ?? {};
    expect(update).toMatchObject({ channel: 'C0REVEAL', ts: sent.messageId });
    expect(textOf(update)).toContain('*Answer:* 443');
    expect(textOf(update)).toContain('The day is over: 1 member answered.');
    expect(buttonsIn(update)).toEqual([]);
  });
});

describe('SlackMessenger: reminders, pacing and refusals', () => {
  it('GIVEN a reminder THEN it goes to the person by DM with a "Start review" button that starts a review there', async () => {
    const sent = await h.adapter.messenger.sendReminder(
      { deliveryId: 1, tenantId: 'slack:T1', userExternalId: 'T1:U305', dueCount: 3, locale: 'en' },
      'mnemo-1',
    );
    expect(sent).toEqual({ messageId: expect.any(String), channelId: 'D305' });
    const reminder = h.fake.callsTo('chat.postMessage').at(-1)?.args ?? {};
    expect(reminder.channel).toBe('U305');
    expect(textOf(reminder)).toContain('You have *3 cards* due.');

    // In the DM, the button has no use for its response_url: the first card is posted to the DM.
    await h.click({ user: 'U305', actionId: 'mn:start', value: buttonIn(reminder, 'mn:start').value });
    const first = h.fake.callsTo('chat.postMessage').at(-1)?.args ?? {};
    expect(first.channel).toBe('U305');
    expect(textOf(first)).toContain('Which port does HTTPS use?');
  });

  it('GIVEN a retry of a DM reminder already sent THEN it is found in the DM and not sent twice', async () => {
    const reminder = {
      deliveryId: 77,
      tenantId: 'slack:T1',
      userExternalId: 'T1:U306',
      dueCount: 2,
      locale: 'en' as const,
    };
    const first = await h.adapter.messenger.sendReminder(reminder, 'mnemo-77', 1);
    const again = await h.adapter.messenger.sendReminder(reminder, 'mnemo-77', 2);
    expect(again).toEqual(first);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U306')).toHaveLength(1);
    expect(h.fake.callsTo('conversations.open').at(-1)?.args).toMatchObject({ users: 'U306' });
  });

  it('GIVEN two posts to one channel at once THEN the second waits a second; another channel does not wait', async () => {
    const first = await delivery('C0PACE', CHOICE);
    const other = await delivery('C0OTHER', CHOICE);
    await Promise.all([
      h.adapter.messenger.postDailyQuestion(first, 'a'),
      h.adapter.messenger.postDailyQuestion(first, 'b'),
    ]);
    expect(h.sleeps).toEqual([1_000]);
    await h.adapter.messenger.postDailyQuestion(other, 'c');
    expect(h.sleeps).toEqual([1_000]);
  });

  it('GIVEN Slack answers 429 with Retry-After: 1 THEN the post waits a second and goes through', async () => {
    const question = await delivery('C0LIMIT', CHOICE);
    h.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'k');
    expect(h.sleeps).toEqual([1_000]);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0LIMIT')).toHaveLength(2);
    expect(sent.channelId).toBe('C0LIMIT');
  });

  it('GIVEN a revoked token or a 401 THEN PLATFORM_UNAUTHORIZED; GIVEN an unknown channel THEN PLATFORM_REJECTED', async () => {
    const question = await delivery('C0GONE', CHOICE);
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'sent',
        (error: unknown) => (error instanceof MnemoError ? error.code : String(error)),
      );
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'token_revoked' } });
    expect(await codeOf(h.adapter.messenger.postDailyQuestion(question, 'k'))).toBe('PLATFORM_UNAUTHORIZED');
    h.fake.script('chat.postMessage', { status: 401, body: { ok: false, error: 'invalid_auth' } });
    expect(await codeOf(h.adapter.messenger.postDailyQuestion(question, 'k'))).toBe('PLATFORM_UNAUTHORIZED');
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    expect(await codeOf(h.adapter.messenger.postDailyQuestion(question, 'k'))).toBe('PLATFORM_REJECTED');
    h.fake.script('chat.update', { body: { ok: false, error: 'not_in_channel' } });
    expect(
      await codeOf(
        h.adapter.messenger.updateDailyQuestion(
          question,
          { messageId: '1.2', channelId: 'C0GONE' },
          {
            answered: 0,
            revealAnswer: true,
          },
        ),
      ),
    ).toBe('PLATFORM_REJECTED');
  });
});

describe('buttons posted by an earlier version (JSON values)', () => {
  it('GIVEN a question of the day whose buttons carry the old JSON THEN a click still answers and counts', async () => {
    const question = await delivery('C0LEGACY', CHOICE);
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'legacy');
    const old = { deliveryId: question.deliveryId, cardId: CHOICE.id, localDate: '2026-05-04' };
    await h.click({
      user: 'U330',
      actionId: 'mn:daily-choice:1',
      value: JSON.stringify(old),
      responseUrl: h.fake.responseUrl('U330-daily'),
      channel: 'C0LEGACY',
      messageTs: sent.messageId,
      ephemeral: false,
    });
    expect(textOf(h.lastResponse('U330-daily'))).toContain('*Correct!*');
    const [update] = h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C0LEGACY');
    expect(update?.args.ts).toBe(sent.messageId);
    expect(textOf(update?.args ?? {})).toContain('1 member answered');
  });

  it('GIVEN an old reminder\'s "Start review" THEN the first card comes to the person\'s DM', async () => {
    await h.click({ user: 'U331', actionId: 'mn:start', value: '{"deck":null}' });
    const posted = h.fake.callsTo('chat.postMessage').at(-1)?.args ?? {};
    expect(posted.channel).toBe('U331');
    expect(buttonsIn(posted).length).toBeGreaterThan(0);
  });
});
