import { describe, expect, it } from 'vitest';
import { type Action, decodeAction, encodeAction } from '../../src/adapters/discord/custom-id.ts';

const PROMPT = '0b6e6a52-4a5e-4a51-9d3f-3a0e2f6f0c11';

describe('custom ids', () => {
  it.each<Action>([
    { kind: 'openAnswer', promptId: PROMPT, scope: { deckId: 'docker', guildId: null } },
    { kind: 'typedAnswer', promptId: PROMPT, scope: { deckId: null, guildId: '1300000000000000100' } },
    { kind: 'choose', promptId: PROMPT, option: 3, scope: { deckId: 'k8s', guildId: '1300000000000000100' } },
    { kind: 'rate', promptId: PROMPT, rating: 2, scope: { deckId: null, guildId: null } },
    { kind: 'next', scope: { deckId: 'docker', guildId: null } },
    { kind: 'dispute', reviewId: 12_345 },
    { kind: 'showMore', promptId: PROMPT },
    { kind: 'startReview', guildId: '1300000000000000100' },
    { kind: 'dailyChoose', deliveryId: 7, option: 0, cardId: 'docker-default-network' },
    { kind: 'dailyTypedAnswer', deliveryId: 7, cardId: 'docker-image-vs-container' },
    { kind: 'dailyRate', promptId: PROMPT, rating: 4, deliveryId: 7, messageId: '1300000000000007777' },
    {
      kind: 'study',
      action: { kind: 'suspend', promptId: PROMPT, deckId: 'docker' },
      scope: { deckId: 'docker', guildId: '1300000000000000100' },
    },
    {
      kind: 'study',
      action: { kind: 'unsuspend', cardId: `abcdef01--${'c'.repeat(50)}-c2` },
      scope: { deckId: null, guildId: null },
    },
    {
      kind: 'study',
      action: { kind: 'practice', deckId: null, tag: 'networking' },
      scope: { deckId: null, guildId: null },
    },
  ])('GIVEN %j THEN it survives the round trip within 100 characters', (action) => {
    const id = encodeAction(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeAction(id)).toEqual(action);
  });

  it('GIVEN study ids this version did not make THEN they are refused', () => {
    expect(decodeAction(`mn:st:sus:not-a-prompt:*`)).toBeNull();
    expect(decodeAction(`mn:st:melt:${PROMPT}:*`)).toBeNull();
    expect(decodeAction(`mn:st:unsus:Bad Card:*`)).toBeNull();
    expect(decodeAction(`mn:st:sus:${PROMPT}`)).toBeNull();
  });

  it('GIVEN a deck id too long to fit THEN "Next card" falls back to every deck', () => {
    const id = encodeAction({
      kind: 'rate',
      promptId: PROMPT,
      rating: 3,
      scope: { deckId: 'd'.repeat(60), guildId: '1300000000000000100' },
    });
    expect(decodeAction(id)).toEqual({
      kind: 'rate',
      promptId: PROMPT,
      rating: 3,
      scope: { deckId: null, guildId: '1300000000000000100' },
    });
  });

  it.each([
    '',
    'other:ans:x',
    'mn:ans:not-a-uuid:*',
    `mn:rate:${PROMPT}:5:*`,
    `mn:opt:${PROMPT}:1`,
    'mn:right:-1',
    'mn:dopt:1:2:Bad_Id',
  ])('GIVEN %j THEN it is not an action of this bot', (customId) => {
    expect(decodeAction(customId)).toBeNull();
  });
});
