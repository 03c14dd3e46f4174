import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_LIMIT, customIdOf, decodeCustomId } from '../../src/adapters/discord/actions.ts';
import type { Action } from '../../src/chat/action.ts';
import type { Carried } from '../../src/chat/action-code.ts';

const PROMPT = '0b6e6a52-4a5e-4a51-9d3f-3a0e2f6f0c11';
const GUILD = '1300000000000000100';
const NONE: Carried = { place: null, post: null };
const IN_DM: Carried = { place: GUILD, post: null };

describe('custom ids', () => {
  it.each<[Action, Carried]>([
    [{ kind: 'openAnswer', promptId: PROMPT, deckId: 'docker' }, NONE],
    [{ kind: 'typedAnswer', promptId: PROMPT, deckId: null, text: '' }, IN_DM],
    [{ kind: 'choose', promptId: PROMPT, option: 3, deckId: 'k8s' }, IN_DM],
    [{ kind: 'rate', promptId: PROMPT, rating: 2, deckId: null }, NONE],
    [{ kind: 'next', deckId: 'docker' }, NONE],
    [{ kind: 'dispute', reviewId: 12_345, deckId: null }, NONE],
    [{ kind: 'showMore', promptId: PROMPT }, NONE],
    [{ kind: 'startReview' }, IN_DM],
    [{ kind: 'dailyChoose', daily: { deliveryId: 7, cardId: 'docker-default-network' }, option: 0 }, NONE],
    [
      { kind: 'dailyTypedAnswer', daily: { deliveryId: 7, cardId: 'docker-image-vs-container' }, text: '' },
      NONE,
    ],
    [
      { kind: 'dailyRate', promptId: PROMPT, rating: 4, deliveryId: 7 },
      { place: GUILD, post: '1300000000000007777' },
    ],
    [{ kind: 'suspend', promptId: PROMPT, deckId: 'docker' }, IN_DM],
    [{ kind: 'unsuspend', cardId: `abcdef01--${'c'.repeat(50)}-c2` }, NONE],
    [{ kind: 'practice', deckId: null, tag: 'networking' }, NONE],
  ])('GIVEN %j THEN it survives the round trip within 100 characters', (action, carried) => {
    const id = customIdOf(action, carried);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_LIMIT);
    expect(decodeCustomId(id)).toEqual({ action, carried });
  });

  it('GIVEN study ids this version did not make THEN they are refused', () => {
    expect(decodeCustomId(`mn:st:sus:not-a-prompt:*`)).toBeNull();
    expect(decodeCustomId(`mn:st:melt:${PROMPT}:*`)).toBeNull();
    expect(decodeCustomId(`mn:st:unsus:Bad Card:*`)).toBeNull();
    expect(decodeCustomId(`mn:st:sus:${PROMPT}`)).toBeNull();
    expect(decodeCustomId(`m:s:::melt:${PROMPT}:*`)).toBeNull();
  });

  it('GIVEN a deck id too long to fit THEN "Next card" falls back to every deck', () => {
    const id = customIdOf({ kind: 'rate', promptId: PROMPT, rating: 3, deckId: 'd'.repeat(60) }, IN_DM);
    expect(decodeCustomId(id)).toEqual({
      action: { kind: 'rate', promptId: PROMPT, rating: 3, deckId: null },
      carried: IN_DM,
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
    `m:r:::${PROMPT}:5:*`,
    `m:o:::${PROMPT}:1`,
    'm:w:::-1:*',
  ])('GIVEN %j THEN it is not an action of this bot', (customId) => {
    expect(decodeCustomId(customId)).toBeNull();
  });

  // Buttons already posted in Discord (questions of the day, reminders, cards) keep working.
  it.each<[string, Action, Carried]>([
    [`mn:idk:${PROMPT}:docker@${GUILD}`, { kind: 'dontKnow', promptId: PROMPT, deckId: 'docker' }, IN_DM],
    [`mn:opt:${PROMPT}:2:*`, { kind: 'choose', promptId: PROMPT, option: 2, deckId: null }, NONE],
    [`mn:rate:${PROMPT}:3:k8s`, { kind: 'rate', promptId: PROMPT, rating: 3, deckId: 'k8s' }, NONE],
    [`mn:typed:${PROMPT}:*`, { kind: 'typedAnswer', promptId: PROMPT, deckId: null, text: '' }, NONE],
    [`mn:next:*@${GUILD}`, { kind: 'next', deckId: null }, IN_DM],
    ['mn:right:42', { kind: 'dispute', reviewId: 42, deckId: null }, NONE],
    [`mn:more:${PROMPT}`, { kind: 'showMore', promptId: PROMPT }, NONE],
    [`mn:start:${GUILD}`, { kind: 'startReview' }, IN_DM],
    [
      'mn:dopt:7:1:docker-net',
      { kind: 'dailyChoose', daily: { deliveryId: 7, cardId: 'docker-net' }, option: 1 },
      NONE,
    ],
    [
      'mn:dans:7:docker-net',
      { kind: 'dailyOpenAnswer', daily: { deliveryId: 7, cardId: 'docker-net' } },
      NONE,
    ],
    ['mn:dshow:7:docker-net', { kind: 'dailyReveal', daily: { deliveryId: 7, cardId: 'docker-net' } }, NONE],
    [
      `mn:drate:${PROMPT}:4:7:1300000000000007777`,
      { kind: 'dailyRate', promptId: PROMPT, rating: 4, deliveryId: 7 },
      { place: null, post: '1300000000000007777' },
    ],
    ['mn:erase', { kind: 'erase' }, NONE],
    [`mn:impok:${PROMPT}`, { kind: 'confirmImport', importId: PROMPT }, NONE],
    [`mn:st:bury:${PROMPT}:docker`, { kind: 'bury', promptId: PROMPT, deckId: 'docker' }, NONE],
    ['mn:st:prac:networking:*', { kind: 'practice', deckId: null, tag: 'networking' }, NONE],
  ])('GIVEN the earlier custom id %j THEN it still reads as its action', (customId, action, carried) => {
    expect(decodeCustomId(customId)).toEqual({ action, carried });
  });
});
