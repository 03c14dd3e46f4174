import type { Clock } from '../clock.ts';
import { MnemoError } from '../errors.ts';
import { remember } from '../memo.ts';
import { forgettingCurve } from '../scheduling/scheduler.ts';
import { localDateOf as localDateIn, nextLocalDate, occurrence } from './local-time.ts';
import type {
  ClaimedDelivery,
  DeliveryStore,
  DueSubscription,
  Messenger,
  PlanDecision,
  SentMessage,
} from './ports.ts';

export const DELIVERY_DEFAULTS = {
  leaseMs: 60_000, // ms: a claimed delivery not marked within this is taken over by another instance
  batch: 100, // deliveries claimed per tick
  planBatch: 5_000, // subscriptions planned per transaction
  planWorkers: 2, // plan transactions at once
  maxAttempts: 5,
  concurrency: 8, // sends in flight per instance
} as const;

export interface DeliveryOptions {
  store: DeliveryStore;
  clock: Clock;
  /** The messenger of each platform that is set up, by platform name ('discord', 'slack'). */
  messengers: Partial<Record<string, Messenger>>;
  /** Told about what went wrong; delivery goes on with the other rows. */
  onProblem: (problem: { deliveryId?: number; tenantId?: string; message: string; cause?: unknown }) => void;
  leaseMs?: number;
  batch?: number;
}

export interface TickReport {
  planned: number;
  sent: number;
  skipped: number;
  failed: number;
  released: number;
  closed: number;
}

/**
 * Daily questions and reminders. Each tick plans the runs that have come (one row per subscription and
 * local date), claims due rows under a lease, and sends them. Any number of instances may tick at once.
 */
export class Deliveries {
  readonly #store: DeliveryStore;
  readonly #clock: Clock;
  readonly #messengers: Partial<Record<string, Messenger>>;
  readonly #onProblem: DeliveryOptions['onProblem'];
  readonly #leaseMs: number;
  readonly #batch: number;
  #stopping = false;

  constructor(options: DeliveryOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#messengers = options.messengers;
    this.#onProblem = options.onProblem;
    this.#leaseMs = options.leaseMs ?? DELIVERY_DEFAULTS.leaseMs;
    this.#batch = options.batch ?? DELIVERY_DEFAULTS.batch;
  }

  /** After this, ticks claim nothing new; rows in hand are finished or released. */
  stop(): void {
    this.#stopping = true;
  }

  async tick(): Promise<TickReport> {
    const report: TickReport = { planned: 0, sent: 0, skipped: 0, failed: 0, released: 0, closed: 0 };
    if (this.#stopping) return report;
    report.planned = await this.plan();
    // A question whose day ended unsent (its platform was stopped, or every instance was down) is not asked.
    report.skipped += await this.#store.expire(this.#clock.now());
    const queue = await this.#store.claim(this.#clock.now(), this.#leaseMs, this.#batch);
    // A few sends at a time: one slow or rate-limited channel does not hold up the others.
    const worker = async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
        if (this.#stopping) {
          await this.#store.release(delivery.id);
          report.released++;
        } else {
          report[await this.#deliver(delivery)]++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELIVERY_DEFAULTS.concurrency, queue.length) }, worker));
    report.closed = await this.#closeFinishedDays();
    return report;
  }

  /**
   * Lifts a stop on platforms whose token was refused: called at start-up, since replacing a token means
   * restarting the bot. If the token is still bad, the next delivery stops the platform again, once.
   * Returns how many tenants delivery resumed for.
   */
  async resume(platforms: readonly string[]): Promise<number> {
    let resumed = 0;
    for (const platform of platforms) resumed += await this.#store.unblockPlatform(platform);
    return resumed;
  }

  /** Lifts a stop on one tenant (a Slack workspace installed Mnemo again); true when there was one. */
  resumeTenant(tenantId: string): Promise<boolean> {
    return this.#store.unblockTenant(tenantId);
  }

  /**
   * Plans every run that has come; returns how many deliveries were created. Two batches at a time (SKIP
   * LOCKED keeps them apart), so that one is computed here while the database writes the other.
   */
  async plan(): Promise<number> {
    let planned = 0;
    const worker = async () => {
      for (;;) {
        const now = this.#clock.now();
        const result = await this.#store.plan(now, DELIVERY_DEFAULTS.planBatch, (due) => planRuns(due, now));
        planned += result.planned;
        if (result.subscriptions < DELIVERY_DEFAULTS.planBatch) return;
      }
    };
    await Promise.all(Array.from({ length: DELIVERY_DEFAULTS.planWorkers }, worker));
    return planned;
  }

  async #deliver(delivery: ClaimedDelivery): Promise<'sent' | 'skipped' | 'failed' | 'released'> {
    const platform = platformOf(delivery.tenantId);
    const messenger = this.#messengers[platform];
    if (!messenger) {
      await this.#store.markSkipped(delivery.id, `no ${platform || 'platform'} connection is set up`);
      return 'skipped';
    }
    const now = this.#clock.now();
    const key = `mnemo-${delivery.id}`;
    try {
      let sent: SentMessage;
      if (delivery.kind === 'channel') {
        const card = await this.#store.chooseCard(delivery, now, forgettingCurve());
        if (!card || !delivery.channelId) {
          await this.#store.markSkipped(delivery.id, 'no card to ask');
          return 'skipped';
        }
        sent = await messenger.postDailyQuestion(
          {
            deliveryId: delivery.id,
            tenantId: delivery.tenantId,
            channelId: delivery.channelId,
            card,
            localDate: delivery.localDate,
            locale: delivery.locale,
          },
          key,
          delivery.attempts,
        );
      } else {
        const due =
          delivery.userId === null ? 0 : await this.#store.countDue(delivery.userId, delivery.tenantId, now);
        if (due === 0 || !delivery.userExternalId) {
          await this.#store.markSkipped(delivery.id, 'nothing due');
          return 'skipped';
        }
        sent = await messenger.sendReminder(
          {
            deliveryId: delivery.id,
            tenantId: delivery.tenantId,
            userExternalId: delivery.userExternalId,
            dueCount: due,
            locale: delivery.locale,
          },
          key,
          delivery.attempts,
        );
      }
      await this.#store.markSent(delivery.id, sent, this.#clock.now());
      return 'sent';
    } catch (error) {
      return this.#failed(delivery, error);
    }
  }

  async #failed(delivery: ClaimedDelivery, error: unknown): Promise<'failed' | 'released'> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof MnemoError && error.code === 'PLATFORM_UNAUTHORIZED') {
      // A revoked token does not heal by retrying, and one token serves every tenant of the platform: stop
      // them all and say so loudly, once. The delivery is not at fault: it goes back, to be sent when a
      // restart with a new token lifts the stop (resume()), if its day is not over by then.
      const platform = platformOf(delivery.tenantId);
      const stopped = await this.#store.blockPlatform(platform, message, this.#clock.now());
      await this.#store.release(delivery.id);
      if (stopped > 0) {
        this.#onProblem({
          deliveryId: delivery.id,
          tenantId: delivery.tenantId,
          message:
            `${platform} refused the bot token: ${message}; delivery is stopped for all ${stopped} ` +
            `${platform} tenants until the bot restarts with a valid token`,
          cause: error,
        });
      }
      return 'released';
    }
    if (error instanceof MnemoError && error.code === 'TENANT_UNAUTHORIZED') {
      // This tenant's own token is gone (a Slack workspace uninstalled Mnemo): only it stops; the delivery
      // goes back, to be sent if the tenant installs again (or the bot restarts) before its day is over.
      const stopped = await this.#store.blockTenant(delivery.tenantId, message, this.#clock.now());
      await this.#store.release(delivery.id);
      if (stopped) {
        this.#onProblem({
          deliveryId: delivery.id,
          tenantId: delivery.tenantId,
          message: `${message}; delivery is stopped for ${delivery.tenantId} only`,
          cause: error,
        });
      }
      return 'released';
    }
    if (error instanceof MnemoError && error.code === 'PLATFORM_REJECTED') {
      await this.#store.markFailed(delivery.id, message);
      this.#onProblem({ deliveryId: delivery.id, tenantId: delivery.tenantId, message, cause: error });
      return 'failed';
    }
    if (delivery.attempts >= DELIVERY_DEFAULTS.maxAttempts) {
      await this.#store.markFailed(delivery.id, `gave up after ${delivery.attempts} attempts: ${message}`);
      this.#onProblem({ deliveryId: delivery.id, tenantId: delivery.tenantId, message, cause: error });
      return 'failed';
    }
    // A passing fault (network, 5xx, database): the lease lapses and a later tick tries again.
    this.#onProblem({
      deliveryId: delivery.id,
      tenantId: delivery.tenantId,
      message: `will retry: ${message}`,
      cause: error,
    });
    return 'released';
  }

  async #closeFinishedDays(): Promise<number> {
    const finished = await this.#store.closable(this.#clock.now(), this.#batch);
    let closed = 0;
    for (const delivery of finished) {
      const messenger = this.#messengers[delivery.tenantId.split(':')[0] ?? ''];
      const card = await this.#store.findCard(delivery.cardId);
      try {
        if (messenger && card) {
          await messenger.updateDailyQuestion(
            {
              deliveryId: delivery.id,
              tenantId: delivery.tenantId,
              channelId: delivery.channelId,
              card,
              localDate: delivery.localDate,
              locale: delivery.locale,
            },
            { messageId: delivery.messageId, channelId: delivery.channelId },
            { answered: await this.#store.countAnswers(delivery.id), revealAnswer: true },
          );
        }
        await this.#store.markClosed(delivery.id, this.#clock.now());
        closed++;
      } catch (error) {
        this.#onProblem({
          deliveryId: delivery.id,
          tenantId: delivery.tenantId,
          message: 'could not show the answer',
          cause: error,
        });
      }
    }
    return closed;
  }
}

/**
 * Pure: what to do with subscriptions whose run has come. A run is delivered while its local date is still
 * today where the subscription lives: a run missed while every instance was down goes out late the same
 * day, never the next; then the subscription moves on to its next local date.
 */
export function planRuns(due: readonly DueSubscription[], now: Date): PlanDecision {
  const decision: PlanDecision = { deliveries: [], advance: [] };
  // Thousands of subscriptions share a few zones: each zone's date today is looked up once per call.
  const dates = new Map<string, string>();
  const todayIn = (zone: string) => remember(dates, zone, () => localDateIn(now, zone));
  for (const subscription of due) {
    const { timeZone, localTime } = subscription;
    const today = todayIn(timeZone);
    // Days missed entirely are dropped; only today's run can still go out.
    const missed = subscription.nextLocalDate < today;
    const runDate = missed ? today : subscription.nextLocalDate;
    const runAt = missed ? occurrence(today, localTime, timeZone) : subscription.nextDueAt;
    const hasCome = runAt.getTime() <= now.getTime();
    if (runDate === today && hasCome) {
      decision.deliveries.push({
        subscriptionId: subscription.id,
        localDate: today,
        dueAt: runAt,
        endsAt: occurrence(nextLocalDate(today), '00:00', timeZone),
      });
    }
    const nextDate = hasCome ? nextLocalDate(runDate) : runDate;
    decision.advance.push({
      subscriptionId: subscription.id,
      nextDueAt: occurrence(nextDate, localTime, timeZone),
      nextLocalDate: nextDate,
    });
  }
  return decision;
}

/** 'discord' of 'discord:123': tenant ids start with their platform. */
function platformOf(tenantId: string): string {
  return tenantId.split(':')[0] ?? '';
}
