import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness, textOf } from './support/harness.ts';
import { blockAction, interaction, slashCommand } from './support/payloads.ts';
import { quizDecks } from './support/store.ts';

const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

const failures = () => h.logs.filter((line) => line.msg === 'slack interaction failed');

describe('unexpected errors', () => {
  it('GIVEN Slack failing a call mid-command THEN the person gets a short ephemeral apology and the cause is logged once', async () => {
    h.fake.script('users.info', { status: 500, body: { ok: false } });
    const reply = await h.command('daily <#C0X|x> 09:00', { user: 'U700' });
    expect(reply.status).toBe(200);
    // The cause is logged first, then the apology goes out.
    const apology = await h.fake.until(() => h.fake.responsesTo('U700').at(-1), 'the apology');
    expect(apology).toMatchObject({ response_type: 'ephemeral', text: APOLOGY });
    expect(failures()).toHaveLength(1);
    expect(failures()[0]).toMatchObject({
      tenant: 'slack:T1',
      command: '/mnemo daily-set',
      err: expect.any(Object),
    });
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-test-token');
  });

  it('GIVEN a command payload Mnemo cannot read THEN the apology comes back in the acknowledgement', async () => {
    const body = slashCommand('quiz', { user: 'U701', responseUrl: 'not a url' }).replace(
      /&trigger_id=[^&]*/,
      '',
    );
    const reply = await h.interact(body);
    expect(JSON.parse(reply.text)).toMatchObject({ response_type: 'ephemeral', text: APOLOGY });
    expect(failures()).toHaveLength(2);
  });

  it('GIVEN a modal whose state is unreadable THEN the modal itself shows the apology', async () => {
    const reply = await h.submit({
      user: 'U702',
      callbackId: 'mn:answer-modal',
      privateMetadata: '{"promptId":"nope"}',
      values: { answer: { text: { type: 'plain_text_input', value: 'x' } } },
    });
    const body = JSON.parse(reply.text);
    expect(body.response_action).toBe('update');
    expect(textOf(body.view)).toContain(APOLOGY);
    expect(failures()).toHaveLength(3);
  });

  it('GIVEN a button Mnemo no longer knows THEN the person is told to start again', async () => {
    await h.click({
      user: 'U703',
      actionId: 'mn:retired',
      value: '{}',
      responseUrl: h.fake.responseUrl('U703'),
    });
    expect(textOf(h.lastResponse('U703'))).toContain('That button is from an older version of Mnemo');
    expect(failures()).toHaveLength(3);
  });

  it('GIVEN a request no listener takes THEN it is still answered 200', async () => {
    const foreign = blockAction({
      user: 'U704',
      actionId: 'other-app:button',
      value: 'v',
      responseUrl: h.fake.responseUrl('U704'),
    });
    expect((await h.post(interaction(foreign))).status).toBe(200);
    expect(h.fake.responsesTo('U704')).toEqual([]);
  });
});
