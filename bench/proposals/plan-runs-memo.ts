import { localDateOf, nextLocalDate, occurrence } from '../../src/core/delivery/local-time.ts';
import type { DueSubscription, PlanDecision } from '../../src/core/delivery/ports.ts';
import { DrizzleDeliveryStore } from '../../src/db/delivery-store.ts';

/**
 * A proposal for planRuns, measured by `bench/proposals.ts`: the same decisions, with each zone's local
 * date and each (date, local time, zone) instant computed once per call instead of once per subscription.
 * Luxon's offset lookups (Intl.DateTimeFormat#formatToParts) are most of a whole day's planning time.
 */
export function planRunsMemo(due: readonly DueSubscription[], now: Date): PlanDecision {
  const todays = new Map<string, string>();
  const tomorrows = new Map<string, string>();
  const after = (date: string) => {
    let next = tomorrows.get(date);
    if (next === undefined) {
      next = nextLocalDate(date);
      tomorrows.set(date, next);
    }
    return next;
  };
  const instants = new Map<string, Date>();
  const today = (zone: string) => {
    let date = todays.get(zone);
    if (date === undefined) {
      date = localDateOf(now, zone);
      todays.set(zone, date);
    }
    return date;
  };
  const instant = (date: string, time: string, zone: string) => {
    const key = `${date} ${time} ${zone}`;
    let found = instants.get(key);
    if (found === undefined) {
      found = occurrence(date, time, zone);
      instants.set(key, found);
    }
    return new Date(found);
  };
  const decision: PlanDecision = { deliveries: [], advance: [] };
  for (const subscription of due) {
    const { timeZone, localTime } = subscription;
    const date = today(timeZone);
    const missed = subscription.nextLocalDate < date;
    const runDate = missed ? date : subscription.nextLocalDate;
    const runAt = missed ? instant(date, localTime, timeZone) : subscription.nextDueAt;
    const hasCome = runAt.getTime() <= now.getTime();
    if (runDate === date && hasCome) {
      decision.deliveries.push({
        subscriptionId: subscription.id,
        localDate: date,
        dueAt: runAt,
        endsAt: instant(after(date), '00:00', timeZone),
      });
    }
    const nextDate = hasCome ? after(runDate) : runDate;
    decision.advance.push({
      subscriptionId: subscription.id,
      nextDueAt: instant(nextDate, localTime, timeZone),
      nextLocalDate: nextDate,
    });
  }
  return decision;
}

/** The shipped store, planning with planRunsMemo in place of the `decide` that Deliveries hands it. */
export class MemoPlanStore extends DrizzleDeliveryStore {
  override plan(now: Date, limit: number, _decide: (due: DueSubscription[]) => PlanDecision) {
    return super.plan(now, limit, (due) => planRunsMemo(due, now));
  }
}
