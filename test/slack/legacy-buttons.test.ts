import { describe, expect, it } from 'vitest';
import { decodeClick, readAnswerModalState } from '../../src/adapters/slack/actions.ts';
import { dailyPostOf } from '../../src/adapters/slack/daily-post.ts';
import type { Action } from '../../src/chat/action.ts';
import { decodeAction, encodeAction } from '../../src/chat/action-code.ts';

const PROMPT = '0b6e6a52-4a5e-4a51-9d3f-3a0e2f6f0c11';
const POST = { deliveryId: 7, cardId: 'docker-net', localDate: '2026-05-04' };
const POSTED = { ...POST, channelId: 'C0DAILY', messageTs: '1714800000.000100' };
const NONE = { place: null, post: null };

describe('Slack buttons posted by earlier versions', () => {
  it.each<[string, unknown, Action, string | null]>([
    [
      'mn:answer',
      { promptId: PROMPT, context: { deck: 'docker' } },
      { kind: 'openAnswer', promptId: PROMPT, deckId: 'docker' },
      null,
    ],
    [
      'mn:give-up',
      { promptId: PROMPT, context: { deck: null } },
      { kind: 'dontKnow', promptId: PROMPT, deckId: null },
      null,
    ],
    [
      'mn:choice:2',
      { promptId: PROMPT, context: { deck: 'k8s' } },
      { kind: 'choose', promptId: PROMPT, option: 2, deckId: 'k8s' },
      null,
    ],
    [
      'mn:rate:3',
      { promptId: PROMPT, context: { deck: null } },
      { kind: 'rate', promptId: PROMPT, rating: 3, deckId: null },
      null,
    ],
    [
      'mn:rate:4',
      { promptId: PROMPT, context: { daily: POSTED } },
      { kind: 'dailyRate', promptId: PROMPT, rating: 4, deliveryId: 7 },
      '2026-05-04/C0DAILY/1714800000.000100',
    ],
    ['mn:next', { deck: 'docker' }, { kind: 'next', deckId: 'docker' }, null],
    ['mn:right', { reviewId: 42, deck: null }, { kind: 'dispute', reviewId: 42, deckId: null }, null],
    ['mn:start', { deck: null }, { kind: 'startReview' }, null],
    ['mn:erase', {}, { kind: 'erase' }, null],
    ['mn:import-ok', { importId: PROMPT }, { kind: 'confirmImport', importId: PROMPT }, null],
    [
      'mn:study',
      { op: 'sus', ref: PROMPT, deck: 'docker' },
      { kind: 'suspend', promptId: PROMPT, deckId: 'docker' },
      null,
    ],
    [
      'mn:daily-choice:1',
      POST,
      { kind: 'dailyChoose', daily: { deliveryId: 7, cardId: 'docker-net' }, option: 1 },
      '2026-05-04',
    ],
    [
      'mn:daily-answer',
      POST,
      { kind: 'dailyOpenAnswer', daily: { deliveryId: 7, cardId: 'docker-net' } },
      '2026-05-04',
    ],
  ])('GIVEN %s with its JSON value THEN it reads as the same action', (actionId, value, action, post) => {
    expect(decodeClick(actionId, JSON.stringify(value))).toEqual({ action, carried: { place: null, post } });
  });

  it.each([
    ['mn:retired', '{}'],
    ['mn:answer', '{"promptId":"nope","context":{"deck":null}}'],
    ['mn:rate:5', JSON.stringify({ promptId: PROMPT, context: { deck: null } })],
    ['mn:next', 'not json'],
  ])('GIVEN %s %s THEN it is not an action', (actionId, value) => {
    expect(decodeClick(actionId, value)).toBeNull();
  });

  it('GIVEN a daily click THEN its post is the day carried and the message clicked', () => {
    expect(dailyPostOf('2026-05-04', { channelId: 'C0DAILY', messageTs: '1.2' })).toEqual({
      localDate: '2026-05-04',
      channelId: 'C0DAILY',
      messageTs: '1.2',
    });
    expect(dailyPostOf('2026-05-04/C0OTHER/3.4', { channelId: 'C0DAILY', messageTs: '1.2' })?.channelId).toBe(
      'C0OTHER',
    );
    expect(dailyPostOf(null)).toBeNull();
  });

  it('GIVEN an answer form opened by an earlier version THEN its submission is still the typed answer', () => {
    const responseUrl = 'https://hooks.slack.com/actions/T1/1/x';
    const card = readAnswerModalState(
      JSON.stringify({ promptId: PROMPT, context: { deck: 'docker' }, responseUrl, replace: true }),
    );
    expect(decodeAction(card.code)).toEqual({
      action: { kind: 'typedAnswer', promptId: PROMPT, deckId: 'docker', text: '' },
      carried: NONE,
    });
    const daily = readAnswerModalState(
      JSON.stringify({ promptId: PROMPT, context: { daily: POSTED }, responseUrl, replace: false }),
    );
    expect(decodeAction(daily.code)).toEqual({
      action: { kind: 'dailyTypedAnswer', daily: { deliveryId: 7, cardId: 'docker-net' }, text: '' },
      carried: { place: null, post: '2026-05-04/C0DAILY/1714800000.000100' },
    });
  });

  it('GIVEN a new button THEN its value is the shared code, read back whatever the action id says', () => {
    const action: Action = { kind: 'choose', promptId: PROMPT, option: 1, deckId: 'docker' };
    expect(decodeClick('mn:choice:1', encodeAction(action))).toEqual({ action, carried: NONE });
  });
});
