import { DELIVERY_DEFAULTS } from '../src/core/delivery/deliveries.ts';
import { PgDeliveryStore } from '../src/db/delivery-store.ts';
import { benchBot } from './bot.ts';
import { BenchClock } from './clock.ts';
import type { BenchDatabase } from './database.ts';
import { floorClaim, floorPlan } from './fanout-floor.ts';
import {
  claimAll,
  DAY_CLOCK,
  eachMinute,
  removeSeed,
  restore,
  SEEDED_FROM,
  snapshot,
} from './fanout-workload.ts';
import { median, perSecond, timed } from './load.ts';
import type { Sizes } from './options.ts';
import { type Result, result } from './report.ts';
import { makeAllDue, seedSubscriptions } from './seed-subscriptions.ts';

const { leaseMs } = DELIVERY_DEFAULTS;

/**
 * Plans and claims (no sending) the deliveries of 100,000 channel subscriptions: minute by minute, then a
 * whole day's at once, through Deliveries.plan and the store's claim, then with the floor's two statements.
 */
export async function dailyFanoutSuite(db: BenchDatabase, sizes: Sizes, log: (line: string) => void) {
  const { raw } = db;
  log(`daily fan-out: seeding ${sizes.subscriptions} subscriptions in 24 zones`);
  await seedSubscriptions(db.connection.db, sizes.subscriptions, SEEDED_FROM);
  await snapshot(raw);

  const store = new PgDeliveryStore(db.connection);
  const clock = new BenchClock(SEEDED_FROM);
  const { deliveries } = await benchBot(db.connection, clock);
  const mnemoClaim = (now: Date) => claimAll(store, now);

  log(`daily fan-out: Mnemo, ${sizes.fanoutMinutes} minutes one at a time`);
  const mnemoMinutes = await eachMinute(raw, sizes.fanoutMinutes, async (now) => {
    clock.set(now);
    await deliveries.plan();
    return mnemoClaim(now);
  });
  await restore(raw);
  log(`daily fan-out: the floor, ${sizes.fanoutMinutes} minutes one at a time`);
  const floorMinutes = await eachMinute(raw, sizes.fanoutMinutes, async (now) => {
    await floorPlan(raw, now);
    return floorClaim(raw, now, leaseMs);
  });
  if (mnemoMinutes.rows.join() !== floorMinutes.rows.join()) {
    log(`daily fan-out: rows per minute differ: Mnemo ${mnemoMinutes.rows} floor ${floorMinutes.rows}`);
  }

  await restore(raw);
  await makeAllDue(raw, DAY_CLOCK);
  await snapshot(raw);
  log(`daily fan-out: Mnemo, a whole day's ${sizes.subscriptions} runs due at once`);
  clock.set(DAY_CLOCK);
  const mnemoPlan = await timed(() => deliveries.plan());
  const mnemoClaimed = await timed(() => mnemoClaim(DAY_CLOCK));
  await restore(raw);
  log('daily fan-out: the floor, the whole day at once');
  const floorPlanned = await timed(() => floorPlan(raw, DAY_CLOCK));
  const floorClaimed = await timed(() => floorClaim(raw, DAY_CLOCK, leaseMs));
  if (mnemoPlan.value !== floorPlanned.value || mnemoClaimed.value !== floorClaimed.value) {
    log(
      `daily fan-out: the day differs: Mnemo planned ${mnemoPlan.value} claimed ${mnemoClaimed.value}, ` +
        `floor planned ${floorPlanned.value} claimed ${floorClaimed.value}`,
    );
  }
  await removeSeed(raw);

  const rowsPerMinute = mnemoMinutes.rows.reduce((sum, n) => sum + n, 0) / mnemoMinutes.rows.length;
  const rate = (rows: number, ms: number) => perSecond(rows, ms);
  return [
    result('daily_fanout_minute_plan_claim', median(mnemoMinutes.ms), 'ms', {
      baseline: median(floorMinutes.ms),
      better: 'lower',
    }),
    result('daily_fanout_minute_rows', rowsPerMinute, 'rows'),
    result('daily_fanout_day_plan', rate(mnemoPlan.value, mnemoPlan.ms), 'rows/s', {
      baseline: rate(floorPlanned.value, floorPlanned.ms),
      better: 'higher',
    }),
    result('daily_fanout_day_claim', rate(mnemoClaimed.value, mnemoClaimed.ms), 'rows/s', {
      baseline: rate(floorClaimed.value, floorClaimed.ms),
      better: 'higher',
    }),
    result(
      'daily_fanout_day_plan_claim',
      rate(mnemoClaimed.value, mnemoPlan.ms + mnemoClaimed.ms),
      'rows/s',
      {
        baseline: rate(floorClaimed.value, floorPlanned.ms + floorClaimed.ms),
        better: 'higher',
      },
    ),
    result('daily_fanout_day_rows', mnemoClaimed.value, 'rows'),
  ] satisfies Result[];
}
