import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personOf, placeOf } from '../../src/adapters/slack/identity.ts';
import { cardStates, users } from '../../src/db/schema.ts';
import { buttonIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

const eve = { user: 'U600' };
const person = personOf('T1', 'U600');

interface Modal {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: Record<string, unknown> }[];
}

function initialValues(modal: Modal): Record<string, unknown> {
  return Object.fromEntries(
    modal.blocks
      .filter((block) => block.block_id && block.element)
      .map((block) => {
        const element = block.element ?? {};
        const initial =
          element.initial_value ??
          element.initial_time ??
          (element.initial_option as { value: string })?.value;
        return [block.block_id, initial];
      }),
  );
}

function form(values: {
  retention: string;
  newPerDay: string;
  maxPerDay: string;
  timeZone: string;
  reminders: 'on' | 'off';
  time: string;
}) {
  return {
    retention: { value: { type: 'number_input', value: values.retention } },
    new_per_day: { value: { type: 'number_input', value: values.newPerDay } },
    max_per_day: { value: { type: 'number_input', value: values.maxPerDay } },
    time_zone: { value: { type: 'plain_text_input', value: values.timeZone } },
    reminders: { value: { type: 'radio_buttons', selected_option: { value: values.reminders } } },
    reminder_time: { value: { type: 'timepicker', selected_time: values.time } },
  };
}

async function openSettings(): Promise<Modal> {
  const before = h.fake.callsTo('views.open').length;
  expect(await h.command('settings', eve)).toEqual({ status: 200, text: '' });
  const calls = h.fake.callsTo('views.open');
  expect(calls).toHaveLength(before + 1);
  expect(calls.at(-1)?.args.trigger_id).toBe('trigger-U600');
  return calls.at(-1)?.args.view as Modal;
}

describe('/mnemo settings', () => {
  it('GIVEN /mnemo settings THEN a modal opens with the current settings and reminder', async () => {
    const modal = await openSettings();
    expect(modal.callback_id).toBe('mn:settings');
    expect(initialValues(modal)).toEqual({
      retention: '90',
      new_per_day: '20',
      max_per_day: '200',
      time_zone: 'UTC',
      leech_lapses: '8',
      reminders: 'off',
      reminder_time: '09:00',
    });
  });

  it('GIVEN a bad time zone THEN the modal shows the error under its field and nothing is stored', async () => {
    const modal = await openSettings();
    const reply = await h.submit({
      ...eve,
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: form({
        retention: '95',
        newPerDay: '5',
        maxPerDay: '50',
        timeZone: 'Mars/Olympus',
        reminders: 'on',
        time: '07:30',
      }),
    });
    expect(JSON.parse(reply.text)).toEqual({
      response_action: 'errors',
      errors: { time_zone: 'Must be an IANA time zone such as Europe/Berlin.' },
    });
    expect(await h.quiz.settings(person)).toMatchObject({
      desiredRetention: 0.9,
      newPerDay: 20,
      timeZone: 'UTC',
    });
    expect(await h.community.reminder(placeOf('T1'), person)).toBeNull();
  });

  it('GIVEN good values THEN they are stored, the modal closes and an ephemeral confirmation follows', async () => {
    const modal = await openSettings();
    const reply = await h.submit({
      ...eve,
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: form({
        retention: '85',
        newPerDay: '10',
        maxPerDay: '100',
        timeZone: 'Europe/Berlin',
        reminders: 'on',
        time: '07:30',
      }),
    });
    expect(reply).toEqual({ status: 200, text: '' });
    expect(await h.quiz.settings(person)).toMatchObject({
      desiredRetention: 0.85,
      newPerDay: 10,
      maxReviewsPerDay: 100,
      timeZone: 'Europe/Berlin',
    });
    expect(await h.community.reminder(placeOf('T1'), person)).toEqual({
      enabled: true,
      localTime: '07:30',
      timeZone: 'Europe/Berlin',
    });
    const confirmation = h.lastResponse('U600');
    expect(confirmation.response_type).toBe('ephemeral');
    expect(textOf(confirmation)).toContain('Settings saved.');
    expect(textOf(confirmation)).toContain('*Desired retention:* 85%');

    expect(initialValues(await openSettings())).toMatchObject({
      retention: '85',
      reminders: 'on',
      reminder_time: '07:30',
    });
  });
});

describe('/mnemo settings reschedule', () => {
  const zed = { user: 'U650' };

  async function dues(): Promise<number[]> {
    const rows = await h.db.db
      .select({ due: cardStates.due })
      .from(cardStates)
      .innerJoin(users, eq(users.id, cardStates.userId))
      .where(eq(users.externalId, 'T1:U650'));
    return rows.map((row) => row.due.getTime());
  }

  it('GIVEN a card rated Easy and a lower retention THEN its due date moves later, and a second run moves nothing', async () => {
    await h.command('quiz self', zed);
    const card = h.fake.responseUrl('U650-card');
    const question = h.lastResponse('U650');
    await h.click({
      ...zed,
      actionId: 'mn:reveal',
      value: buttonIn(question, 'mn:reveal').value,
      responseUrl: card,
    });
    const revealed = h.lastResponse('U650-card');
    await h.click({
      ...zed,
      actionId: 'mn:rate:4',
      value: buttonIn(revealed, 'mn:rate:4').value,
      responseUrl: card,
    });
    const before = await dues();
    expect(before).toHaveLength(1);
    // The settings form is a modal (tested above); the retention is set as it stores it.
    await h.db.db.update(users).set({ desiredRetention: 0.75 }).where(eq(users.externalId, 'T1:U650'));

    await h.command('settings reschedule', zed);
    expect(textOf(h.lastResponse('U650'))).toContain(
      "🔁 *Rescheduled* from your reviews with FSRS's default parameters at 75% desired retention: 1 card of 1 got a new due date.",
    );
    const after = await dues();
    expect(after[0]).toBeGreaterThan(before[0] ?? Number.POSITIVE_INFINITY);

    await h.command('settings reschedule', zed);
    expect(textOf(h.lastResponse('U650'))).toContain('0 cards of 1 got a new due date.');
    expect(await dues()).toEqual(after);
  });
});
