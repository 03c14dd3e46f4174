import { isDeepStrictEqual } from 'node:util';
import { DELIVERY_DEFAULTS, Deliveries, planRuns } from '../../src/core/delivery/deliveries.ts';
import type { DeliveryStore, DueSubscription } from '../../src/core/delivery/ports.ts';
import { DrizzleDeliveryStore } from '../../src/db/delivery-store.ts';
import * as schema from '../../src/db/schema.ts';
import { BenchClock } from '../clock.ts';
import type { BenchDatabase } from '../database.ts';
import { floorClaim, floorPlan } from '../fanout-floor.ts';
import {
  claimAll,
  DAY_CLOCK,
  eachMinute,
  removeSeed,
  restore,
  SEEDED_FROM,
  snapshot,
} from '../fanout-workload.ts';
import { median, perSecond, timed } from '../load.ts';
import { makeAllDue, seedSubscriptions } from '../seed-subscriptions.ts';
import { JsonPlanStore } from './json-plan-store.ts';
import { MemoPlanStore, planRunsMemo } from './plan-runs-memo.ts';
import { log, type Row } from './rows.ts';

/** The two indexes proposed for src/db/schema.ts: the planner's and the claim's. */
const INDEXES = [
  'create index bench_subscriptions_next_due on subscriptions (next_due_at) where active',
  "create index bench_deliveries_open_due on deliveries (due_at) where status in ('pending', 'sending')",
];

/**
 * Daily fan-out as shipped and with the proposed fixes: a minute at a time, then a whole day's runs at
 * once (planRuns alone, plan, and the first tenth of the claims), beside the floor.
 */
export async function fanoutExperiment(db: BenchDatabase, count: number, minutes: number): Promise<Row[]> {
  const { raw } = db;
  log(`daily fan-out: seeding ${count} subscriptions`);
  await seedSubscriptions(db.connection.db, count, SEEDED_FROM);
  await snapshot(raw);
  const clock = new BenchClock(SEEDED_FROM);
  const shipped = new DrizzleDeliveryStore(db.connection.db);
  const memo = new MemoPlanStore(db.connection.db);
  const planner = (store: DeliveryStore) =>
    new Deliveries({ store, clock, messengers: {}, onProblem: (problem) => log(problem.message) });
  const minute = (store: DeliveryStore) =>
    eachMinute(raw, minutes, async (now) => {
      clock.set(now);
      await planner(store).plan();
      return claimAll(store, now);
    });
  const rows: Row[] = [];
  const experiment = `daily fan-out, one minute of ${count} subscriptions`;

  log(`${experiment}: shipped`);
  const before = await minute(shipped);
  await restore(raw);
  await createIndexes(raw);
  log(`${experiment}: two indexes, memoised planRuns`);
  const after = await minute(memo);
  await restore(raw);
  log(`${experiment}: the floor, with the indexes`);
  const floorMinutes = await eachMinute(raw, minutes, async (now) => {
    await floorPlan(raw, now);
    return floorClaim(raw, now, DELIVERY_DEFAULTS.leaseMs);
  });
  rows.push(
    { experiment, variant: 'shipped', value: median(before.ms), unit: 'ms' },
    {
      experiment,
      variant: 'two indexes, memoised planRuns',
      value: median(after.ms),
      unit: 'ms',
      floor: median(floorMinutes.ms),
      better: 'lower',
    },
  );
  await dropIndexes(raw);
  await restore(raw);

  await makeAllDue(raw, DAY_CLOCK);
  await snapshot(raw);
  clock.set(DAY_CLOCK);
  const due = await dueSubscriptions(db);
  const day = `daily fan-out, a whole day's ${due.length} runs`;
  const cpuBefore = timedSync(() => planRuns(due, DAY_CLOCK));
  const cpuAfter = timedSync(() => planRunsMemo(due, DAY_CLOCK));
  if (!isDeepStrictEqual(cpuBefore.value, cpuAfter.value))
    throw new Error('planRunsMemo decides differently');
  rows.push(
    {
      experiment: `${day}: planRuns alone`,
      variant: 'shipped',
      value: (cpuBefore.ms * 1_000) / due.length,
      unit: 'µs/run',
    },
    {
      experiment: `${day}: planRuns alone`,
      variant: 'memoised (same decisions)',
      value: (cpuAfter.ms * 1_000) / due.length,
      unit: 'µs/run',
    },
  );

  const sample = Math.ceil(due.length / 10);
  const planRate = async (store: DeliveryStore) => {
    const { ms, value } = await timed(() => planner(store).plan());
    return perSecond(value, ms);
  };
  // Fresh statistics for both sides: right after a 100,000-row plan, autovacuum may not have run yet.
  const claimRate = async (store: DeliveryStore) => {
    await raw.exec('analyze deliveries');
    const { ms, value } = await timed(() => claimSome(store, DAY_CLOCK, sample));
    return perSecond(value, ms);
  };
  log(`${day}: shipped`);
  const shippedPlan = await planRate(shipped);
  const shippedClaim = await claimRate(shipped);
  await restore(raw);
  log(`${day}: memoised planRuns`);
  const memoPlan = await planRate(memo);
  await restore(raw);
  await createIndexes(raw);
  log(`${day}: memoised planRuns and two indexes`);
  const fixedPlan = await planRate(memo);
  const fixedClaim = await claimRate(shipped);
  await restore(raw);
  log(`${day}: memoised planRuns, two indexes, JSON batches`);
  const jsonPlan = await planRate(new JsonPlanStore(db.connection.db));
  await restore(raw);
  log(`${day}: the floor`);
  const floorPlanned = await timed(() => floorPlan(raw, DAY_CLOCK));
  const floorClaimed = await timed(() => floorClaim(raw, DAY_CLOCK, DELIVERY_DEFAULTS.leaseMs));
  const floorPlanRate = perSecond(floorPlanned.value, floorPlanned.ms);
  const floorClaimRate = perSecond(floorClaimed.value, floorClaimed.ms);
  const plan = `${day}: plan`;
  const claim = `${day}: claim, the first ${sample} rows`;
  rows.push(
    {
      experiment: plan,
      variant: 'shipped',
      value: shippedPlan,
      unit: 'rows/s',
      floor: floorPlanRate,
      better: 'higher',
    },
    {
      experiment: plan,
      variant: 'memoised planRuns',
      value: memoPlan,
      unit: 'rows/s',
      floor: floorPlanRate,
      better: 'higher',
    },
    {
      experiment: plan,
      variant: 'memoised planRuns, two indexes',
      value: fixedPlan,
      unit: 'rows/s',
      floor: floorPlanRate,
      better: 'higher',
    },
    {
      experiment: plan,
      variant: 'the same, batches as one JSON parameter',
      value: jsonPlan,
      unit: 'rows/s',
      floor: floorPlanRate,
      better: 'higher',
    },
    {
      experiment: claim,
      variant: 'shipped',
      value: shippedClaim,
      unit: 'rows/s',
      floor: floorClaimRate,
      better: 'higher',
    },
    {
      experiment: claim,
      variant: 'partial index on open deliveries',
      value: fixedClaim,
      unit: 'rows/s',
      floor: floorClaimRate,
      better: 'higher',
    },
  );
  await removeSeed(raw);
  await dropIndexes(raw);
  return rows;
}

/** Claims `batch` rows at a time until at least `rows` are held. */
async function claimSome(store: DeliveryStore, now: Date, rows: number): Promise<number> {
  let claimed = 0;
  while (claimed < rows) {
    const taken = await store.claim(now, DELIVERY_DEFAULTS.leaseMs, DELIVERY_DEFAULTS.batch);
    if (taken.length === 0) break;
    claimed += taken.length;
  }
  return claimed;
}

async function dueSubscriptions(db: BenchDatabase): Promise<DueSubscription[]> {
  const { subscriptions } = schema;
  return db.connection.db
    .select({
      id: subscriptions.id,
      tenantId: subscriptions.tenantId,
      kind: subscriptions.kind,
      localTime: subscriptions.localTime,
      timeZone: subscriptions.timeZone,
      nextDueAt: subscriptions.nextDueAt,
      nextLocalDate: subscriptions.nextLocalDate,
    })
    .from(subscriptions)
    .orderBy(subscriptions.nextDueAt);
}

async function createIndexes(raw: BenchDatabase['raw']): Promise<void> {
  for (const statement of INDEXES) await raw.exec(statement);
  for (const table of ['subscriptions', 'deliveries']) await raw.exec(`analyze ${table}`);
}

async function dropIndexes(raw: BenchDatabase['raw']): Promise<void> {
  await raw.exec('drop index if exists bench_subscriptions_next_due');
  await raw.exec('drop index if exists bench_deliveries_open_due');
}

function timedSync<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}
