import { beforeEach, describe, expect, it } from 'vitest';
import { type Actor, Community } from '../../src/core/community/community.ts';
import type { Place } from '../../src/core/people.ts';
import { MemoryQuizStore } from '../../src/simulator/memory-quiz-store.ts';
import { TestClock } from '../support/fixtures.ts';
import { MemoryCommunityStore } from '../support/memory-community-store.ts';

const PLACE: Place = { tenantId: 'discord:1', platform: 'discord' };
const ADMIN: Actor = { platform: 'discord', externalId: 'admin', isAdmin: true };
const MEMBER: Actor = { platform: 'discord', externalId: 'member', isAdmin: false };
const DOCKER = { id: 'docker', title: 'Docker', description: null, cards: 3, tags: [] };

let clock: TestClock;
let store: MemoryCommunityStore;
let quizStore: MemoryQuizStore;
let community: Community;

beforeEach(() => {
  clock = new TestClock('2026-05-04T06:00:00Z'); // 08:00 in Paris
  store = new MemoryCommunityStore([DOCKER]);
  quizStore = new MemoryQuizStore();
  community = new Community({ store, quizStore, clock });
});

const daily = (localTime: string, timeZone = 'Europe/Paris', deckId: string | null = 'docker') => ({
  channelId: 'c1',
  localTime,
  timeZone,
  deckId,
});

describe('Community, on in-memory stores', () => {
  it('GIVEN a member who is not an admin THEN setting or stopping a daily is NOT_ALLOWED, and nothing is stored', async () => {
    expect(await community.setDaily(PLACE, MEMBER, daily('09:00'))).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(await community.stopDaily(PLACE, MEMBER, 'c1')).toEqual({ ok: false, code: 'NOT_ALLOWED' });
    expect(store.dailies).toEqual([]);
  });

  it('GIVEN a bad time, time zone or deck THEN the refusal names the value, and nothing is stored', async () => {
    expect(await community.setDaily(PLACE, ADMIN, daily('24:00'))).toEqual({
      ok: false,
      code: 'BAD_TIME',
      value: '24:00',
    });
    expect(await community.setDaily(PLACE, ADMIN, daily('09:00', 'Mars/Olympus'))).toEqual({
      ok: false,
      code: 'BAD_TIME_ZONE',
      value: 'Mars/Olympus',
    });
    expect(await community.setDaily(PLACE, ADMIN, daily('09:00', 'UTC', 'kubernetes'))).toEqual({
      ok: false,
      code: 'UNKNOWN_DECK',
      value: 'kubernetes',
    });
    expect(store.dailies).toEqual([]);
  });

  it('GIVEN a time later today THEN the first run is today; GIVEN one already past THEN tomorrow', async () => {
    const later = await community.setDaily(PLACE, ADMIN, daily('09:00'));
    expect(later).toMatchObject({ ok: true, daily: { channelId: 'c1', createdBy: 'discord:admin' } });
    expect(store.dailies[0]?.next).toEqual({
      nextLocalDate: '2026-05-04',
      nextDueAt: new Date('2026-05-04T07:00:00Z'),
    });
    await community.setDaily(PLACE, ADMIN, daily('07:30'));
    expect(store.dailies).toHaveLength(1);
    expect(store.dailies[0]?.next).toEqual({
      nextLocalDate: '2026-05-05',
      nextDueAt: new Date('2026-05-05T05:30:00Z'),
    });
    expect(quizStore.places().some((place) => place.tenantId === PLACE.tenantId)).toBe(true);
  });

  it('GIVEN a stopped daily THEN it is no longer listed, and stopping it again says nothing was stopped', async () => {
    await community.setDaily(PLACE, ADMIN, daily('09:00'));
    expect(await community.listDailies(PLACE)).toHaveLength(1);
    expect(await community.stopDaily(PLACE, ADMIN, 'c1')).toEqual({ ok: true, stopped: true });
    expect(await community.listDailies(PLACE)).toEqual([]);
    expect(await community.stopDaily(PLACE, ADMIN, 'c1')).toEqual({ ok: true, stopped: false });
  });

  it("GIVEN a reminder turned on with no time THEN 09:00 in the person's own zone; a later change keeps what it does not name", async () => {
    const person = { platform: 'discord', externalId: 'ann' };
    const learner = await quizStore.ensureLearner(person);
    await quizStore.updateSettings(learner.userId, { timeZone: 'Asia/Tokyo' });
    expect(await community.setReminder(PLACE, person, { enabled: true })).toEqual({
      ok: true,
      reminder: { enabled: true, localTime: '09:00', timeZone: 'Asia/Tokyo' },
    });
    await community.setReminder(PLACE, person, { enabled: true, localTime: '20:15' });
    expect(await community.reminder(PLACE, person)).toEqual({
      enabled: true,
      localTime: '20:15',
      timeZone: 'Asia/Tokyo',
    });
    expect(await community.setReminder(PLACE, person, { enabled: false, localTime: '7pm' })).toEqual({
      ok: false,
      code: 'BAD_TIME',
      value: '7pm',
    });
  });

  it("GIVEN a server's language on every interaction THEN it is stored once per change (and again after an hour); GIVEN /daily set THEN it is stored whatever this process kept", async () => {
    for (const tag of ['ja', 'ja', 'ja', 'es-ES', 'es-ES']) await community.noteLocale(PLACE, tag);
    await community.noteLocale(PLACE, null);
    expect(store.localeCalls).toBe(2);
    expect(store.locales.get(PLACE.tenantId)).toBe('es-ES');
    clock.advance(61 * 60_000);
    await community.noteLocale(PLACE, 'es-ES');
    expect(store.localeCalls).toBe(3);
    const set = await community.setDaily(PLACE, ADMIN, {
      ...daily('09:00'),
      communityLocale: 'es-ES',
      language: 'de',
    });
    expect(set).toMatchObject({ ok: true, daily: { language: 'de' } });
    expect(store.localeCalls).toBe(4);
  });
});
