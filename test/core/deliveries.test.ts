import { beforeEach, describe, expect, it } from 'vitest';
import { DELIVERY_DEFAULTS, Deliveries, planRuns } from '../../src/core/delivery/deliveries.ts';
import { occurrence } from '../../src/core/delivery/local-time.ts';
import type { DueSubscription } from '../../src/core/delivery/ports.ts';
import { MnemoError } from '../../src/core/errors.ts';
import { MINUTE, TestClock, typedCard } from '../support/fixtures.ts';
import { MemoryDeliveryStore, RecordingMessenger } from '../support/memory-delivery-store.ts';

const PARIS = 'Europe/Paris';

/** A channel's daily at 07:00 in Paris, next run on `nextLocalDate`. */
function parisDaily(nextLocalDate: string, id = 1): DueSubscription {
  return {
    id,
    tenantId: 'discord:1',
    kind: 'channel',
    localTime: '07:00',
    timeZone: PARIS,
    nextLocalDate,
    nextDueAt: occurrence(nextLocalDate, '07:00', PARIS),
  };
}

describe('planRuns', () => {
  it("GIVEN today's run has come THEN one delivery for today, ending at local midnight, and the next run is tomorrow", () => {
    const now = new Date('2026-05-04T05:00:30Z'); // 07:00:30 in Paris
    const decision = planRuns([parisDaily('2026-05-04')], now);
    expect(decision.deliveries).toEqual([
      {
        subscriptionId: 1,
        localDate: '2026-05-04',
        dueAt: new Date('2026-05-04T05:00:00Z'),
        endsAt: new Date('2026-05-04T22:00:00Z'),
      },
    ]);
    expect(decision.advance).toEqual([
      { subscriptionId: 1, nextLocalDate: '2026-05-05', nextDueAt: new Date('2026-05-05T05:00:00Z') },
    ]);
  });

  it('GIVEN runs missed on earlier days THEN only today goes out, late, and never a past day', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    const decision = planRuns([parisDaily('2026-05-01')], now);
    expect(decision.deliveries.map((run) => [run.localDate, run.dueAt])).toEqual([
      ['2026-05-04', new Date('2026-05-04T05:00:00Z')],
    ]);
    expect(decision.advance[0]?.nextLocalDate).toBe('2026-05-05');
  });

  it("GIVEN a missed day and today's time not come yet THEN nothing goes out, and the run moves to today", () => {
    const now = new Date('2026-05-04T04:00:00Z'); // 06:00 in Paris
    const decision = planRuns([parisDaily('2026-05-02')], now);
    expect(decision.deliveries).toEqual([]);
    expect(decision.advance).toEqual([
      { subscriptionId: 1, nextLocalDate: '2026-05-04', nextDueAt: new Date('2026-05-04T05:00:00Z') },
    ]);
  });

  it('GIVEN subscriptions in different zones THEN each is planned in its own local day', () => {
    const now = new Date('2026-05-04T23:30:00Z'); // 5 May 01:30 in Paris, 4 May 19:30 in New York
    const newYork: DueSubscription = {
      ...parisDaily('2026-05-04', 2),
      timeZone: 'America/New_York',
      localTime: '19:00',
      nextDueAt: occurrence('2026-05-04', '19:00', 'America/New_York'),
    };
    const decision = planRuns([parisDaily('2026-05-04'), newYork], now);
    expect(decision.deliveries.map((run) => [run.subscriptionId, run.localDate])).toEqual([
      [2, '2026-05-04'],
    ]);
    expect(decision.advance.map((next) => [next.subscriptionId, next.nextLocalDate])).toEqual([
      [1, '2026-05-05'],
      [2, '2026-05-05'],
    ]);
  });
});

describe('Deliveries, on an in-memory store', () => {
  let clock: TestClock;
  let store: MemoryDeliveryStore;
  let discord: RecordingMessenger;
  let problems: string[];
  let deliveries: Deliveries;

  beforeEach(() => {
    clock = new TestClock('2026-05-04T05:00:30Z');
    store = new MemoryDeliveryStore();
    store.card = typedCard('container', 'container');
    discord = new RecordingMessenger();
    problems = [];
    deliveries = new Deliveries({
      store,
      clock,
      messengers: { discord },
      onProblem: (problem) => problems.push(problem.message),
    });
  });

  const channelDaily = (tenantId = 'discord:1') =>
    store.subscribe({
      ...parisDaily('2026-05-04'),
      tenantId,
      channelId: 'c1',
      deckId: null,
      userId: null,
      userExternalId: null,
    });

  it("GIVEN a channel's run has come THEN one tick plans and posts it once; the next tick sends nothing", async () => {
    channelDaily();
    expect(await deliveries.tick()).toMatchObject({ planned: 1, sent: 1, failed: 0 });
    expect(
      discord.posted.map((question) => [question.channelId, question.card.id, question.localDate]),
    ).toEqual([['c1', 'container', '2026-05-04']]);
    clock.advance(MINUTE);
    expect(await deliveries.tick()).toMatchObject({ planned: 0, sent: 0 });
    expect(store.deliveries.map((delivery) => delivery.status)).toEqual(['sent']);
  });

  it('GIVEN the day is over THEN the question is closed with its answer shown', async () => {
    channelDaily();
    await deliveries.tick();
    clock.set('2026-05-04T22:00:00Z');
    expect(await deliveries.tick()).toMatchObject({ closed: 1 });
    expect(discord.updated.map(({ update }) => update.revealAnswer)).toEqual([true]);
    expect(store.deliveries[0]?.closedAt).toEqual(clock.now());
  });

  it('GIVEN a platform with no connection set up THEN its delivery is skipped, saying why', async () => {
    channelDaily('slack:T1');
    expect(await deliveries.tick()).toMatchObject({ sent: 0, skipped: 1 });
    expect(store.deliveries[0]).toMatchObject({ status: 'skipped', error: 'no slack connection is set up' });
  });

  it('GIVEN a reminder with nothing due THEN it is skipped; with cards due THEN the DM says how many', async () => {
    const reminder = {
      ...parisDaily('2026-05-04'),
      kind: 'reminder' as const,
      channelId: null,
      deckId: null,
    };
    store.subscribe({ ...reminder, userId: 1, userExternalId: 'ann' });
    expect(await deliveries.tick()).toMatchObject({ skipped: 1 });
    store.subscribe({ ...reminder, userId: 2, userExternalId: 'bob' });
    store.dueCount = 3;
    expect(await deliveries.tick()).toMatchObject({ sent: 1 });
    expect(discord.reminders).toMatchObject([{ userExternalId: 'bob', dueCount: 3 }]);
  });

  it('GIVEN the bot token is refused THEN every tenant of the platform stops, once, and the delivery waits for a restart', async () => {
    channelDaily('discord:1');
    channelDaily('discord:2');
    discord.failWith = new MnemoError('PLATFORM_UNAUTHORIZED', 'Discord refused the bot token');
    const report = await deliveries.tick();
    expect(report.sent).toBe(0);
    expect([...store.blocked.keys()].sort()).toEqual(['discord:1', 'discord:2']);
    expect(store.deliveries.map((delivery) => delivery.status)).not.toContain('failed');
    expect(problems.filter((problem) => problem.includes('refused the bot token'))).toHaveLength(1);

    discord.failWith = null;
    clock.advance(MINUTE);
    expect(await deliveries.tick()).toMatchObject({ sent: 0 }); // still stopped
    expect(await deliveries.resume(['discord'])).toBe(2);
    expect(await deliveries.tick()).toMatchObject({ sent: 2 });
  });

  it('GIVEN the platform rejects the message THEN it fails at once, without retrying', async () => {
    channelDaily();
    discord.failWith = new MnemoError('PLATFORM_REJECTED', 'Discord refused to post: Missing Access');
    expect(await deliveries.tick()).toMatchObject({ failed: 1 });
    expect(store.deliveries[0]).toMatchObject({
      status: 'failed',
      error: 'Discord refused to post: Missing Access',
    });
  });

  it(`GIVEN a passing fault THEN the lease lapses and it is retried, up to ${DELIVERY_DEFAULTS.maxAttempts} attempts`, async () => {
    channelDaily();
    discord.failWith = new Error('socket hang up');
    const outcomes: string[] = [];
    for (let tick = 0; tick < DELIVERY_DEFAULTS.maxAttempts + 1; tick++) {
      const report = await deliveries.tick();
      outcomes.push(report.failed ? 'failed' : report.released ? 'released' : 'none');
      clock.advance(DELIVERY_DEFAULTS.leaseMs);
    }
    expect(outcomes).toEqual(['released', 'released', 'released', 'released', 'failed', 'none']);
    expect(store.deliveries[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(store.deliveries[0]?.error).toMatch(/^gave up after 5 attempts/);
  });
});
