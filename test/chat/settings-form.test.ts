import { describe, expect, it } from 'vitest';
import { CONSOLE_STYLE } from '../../src/adapters/console/render.ts';
import type { CommandPorts } from '../../src/chat/commands.ts';
import { sayer } from '../../src/chat/messages.ts';
import { SETTINGS_FIELDS, settingsForm, submitSettingsForm } from '../../src/chat/settings-form.ts';
import type { Reminder } from '../../src/core/community/ports.ts';
import type { Learner } from '../../src/core/quiz/ports.ts';

const person = { platform: 'slack', externalId: 'T1:U1' };
const place = { tenantId: 'slack:T1', platform: 'slack' };
const say = sayer(CONSOLE_STYLE, 'en');
const f = SETTINGS_FIELDS;

/** In-memory settings and reminder: what the settings command reads and stores. */
function memory() {
  const stored: { learner: Learner; reminder: Reminder | null; writes: number } = {
    learner: {
      userId: 1,
      weights: null,
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      timeZone: 'UTC',
      leechLapses: 8,
      language: null,
    } as Learner,
    reminder: null,
    writes: 0,
  };
  const ports = {
    quiz: {
      settings: async () => stored.learner,
      changeSettings: async (_: unknown, patch: Partial<Learner>) => {
        stored.writes += 1;
        stored.learner = { ...stored.learner, ...patch };
        return { ok: true, learner: stored.learner };
      },
      suspendedCards: async () => [],
    },
    community: {
      reminder: async () => stored.reminder,
      setReminder: async (_: unknown, __: unknown, r: { enabled: boolean; localTime?: string }) => {
        stored.writes += 1;
        stored.reminder = { enabled: r.enabled, localTime: r.localTime ?? '09:00', timeZone: 'UTC' };
        return { ok: true, reminder: stored.reminder };
      },
    },
  } as unknown as CommandPorts;
  return { stored, ports };
}

const actor = { place, person, request: null };
const good = {
  [f.desiredRetention]: '85',
  [f.newPerDay]: '10',
  [f.maxReviewsPerDay]: '100',
  [f.timeZone]: 'Europe/Berlin',
  [f.reminders]: 'on',
  [f.reminderTime]: '07:30',
};

describe('the settings form, written once for every platform', () => {
  it('GIVEN a learner and no reminder THEN the form holds their values, retention as a percentage', () => {
    const form = settingsForm(memory().stored.learner, null);
    expect(form.fields.map((field) => [field.id, 'initial' in field ? field.initial : null])).toEqual([
      ['retention', 90],
      ['new_per_day', 20],
      ['max_per_day', 200],
      ['leech_lapses', 8],
      ['time_zone', 'UTC'],
      ['reminders', false],
      ['reminder_time', '09:00'],
    ]);
    expect(form.fields[0]).toMatchObject({ min: 70, max: 99 });
  });

  it('GIVEN a bad number and a bad time zone THEN both fields get their error and nothing is stored', async () => {
    const { stored, ports } = memory();
    const saved = await submitSettingsForm(
      ports,
      { ...good, [f.newPerDay]: '2.5', [f.timeZone]: 'Mars/Olympus' },
      actor,
      say,
    );
    expect(saved).toEqual({
      ok: false,
      errors: {
        new_per_day: 'Must be a whole number from 0 to 1000.',
        time_zone: 'Must be an IANA time zone such as Europe/Berlin.',
      },
    });
    expect(stored.writes).toBe(0);
  });

  it('GIVEN good values from a form without the leech field THEN they are saved and the leech setting kept', async () => {
    const { stored, ports } = memory();
    const saved = await submitSettingsForm(ports, good, actor, say);
    expect(saved).toMatchObject({
      ok: true,
      learner: { desiredRetention: 0.85, newPerDay: 10, maxReviewsPerDay: 100, leechLapses: 8 },
      reminder: { enabled: true, localTime: '07:30' },
    });
    expect(stored.learner.timeZone).toBe('Europe/Berlin');
  });
});
