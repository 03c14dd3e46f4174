import { describe, expect, it } from 'vitest';
import { DISCORD_STYLE } from '../../src/adapters/discord/render.ts';
import { wordsOf } from '../../src/chat/messages.ts';
import { EXPORT_MESSAGE_LIMIT, type PrivacyPort, runPrivacy } from '../../src/chat/privacy.ts';
import { EXPORT_FORMAT, type PersonalExport } from '../../src/core/privacy/privacy.ts';

const person = { platform: 'discord', externalId: '1300000000000009001' };

/** Privacy whose export holds `answer` as the person's one typed answer. */
function privacyExporting(answer: string): PrivacyPort {
  const data: PersonalExport = {
    format: EXPORT_FORMAT,
    person: `discord:${person.externalId}`,
    exportedAt: new Date('2026-05-04T09:00:00Z'),
    settings: null,
    cardStates: [],
    reviews: [
      {
        id: 1,
        tenantId: 'discord:1',
        cardId: 'typed-container',
        question: 'What is a running instance of a Docker image called?',
        answer,
        verdict: 'correct',
        rating: 3,
        responseMs: 1_000,
        reviewedAt: new Date('2026-05-04T09:00:00Z'),
        dueAfter: new Date('2026-05-05T09:00:00Z'),
        supersededBy: null,
        disputeOf: null,
      },
    ],
    prompts: [],
    reminders: [],
    dailiesSetUp: [],
    holds: [],
    practice: [],
    fits: [],
  };
  return {
    export: async () => data,
    erase: async () => {
      throw new Error('not in this test');
    },
    setLeaderboardHidden: async () => {},
  };
}

const wordsOfExport = async (answer: string) => {
  const reply = await runPrivacy(privacyExporting(answer), { kind: 'exportData' }, person);
  if (reply.body.kind !== 'message') throw new Error('an export is a message');
  expect(reply.visibility).toBe('ephemeral');
  return wordsOf(reply.body.message, DISCORD_STYLE);
};

describe('the privacy export flow', () => {
  it('GIVEN an export that fits THEN it is shown as JSON in a code block that a backtick cannot end', async () => {
    const words = await wordsOfExport('a ``` container');
    expect(words.length).toBeLessThanOrEqual(2_000);
    const json = /```json\n([\s\S]*)\n```$/.exec(words)?.[1] ?? '';
    expect(json).not.toContain('`');
    expect(JSON.parse(json).reviews[0].answer).toBe('a ``` container');
  });

  it('GIVEN an export too long for a message THEN it comes as a JSON file, whole, and the message says so', async () => {
    const long = 'x'.repeat(EXPORT_MESSAGE_LIMIT);
    const reply = await runPrivacy(privacyExporting(long), { kind: 'exportData' }, person);
    const [file] = reply.attachments;
    expect(file?.name).toBe('mnemo-data.json');
    expect(file?.mime).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(file?.bytes)).reviews[0].answer).toBe(long);
    const words = await wordsOfExport(long);
    expect(words).toContain('attached JSON file');
    expect(words).not.toContain('xxxx');
  });
});
