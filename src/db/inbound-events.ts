import type { InboundEvents } from '../core/quiz/inbound.ts';
import type { Connection } from './client.ts';
import { NO_FLUSH } from './no-flush.ts';
import type { RawSql } from './raw-sql.ts';

/**
 * Seen before, the event is taken over only if that attempt never completed and has had time to ($4: the
 * cutoff); one statement either way, so a claim costs one round trip. Claims and completions do not wait
 * for the disk: one lost in a crash of the database only means a redelivery is handled again, which the
 * answer's own idempotency (one review per prompt) makes harmless.
 */
const CLAIM = `
  insert into inbound_events (platform, event_id, received_at)
  select $1::text, $2::text, $3::timestamptz from ${NO_FLUSH}
  on conflict (platform, event_id) do update set received_at = excluded.received_at
  where inbound_events.completed_at is null and inbound_events.received_at < $4::timestamptz
  returning event_id`;

/** Every completion waiting, in one statement: $1 is a JSON array of {platform, event_id, at}. */
const COMPLETE = `
  update inbound_events e set completed_at = c.at
  from jsonb_to_recordset($1::text::jsonb) as c(platform text, event_id text, at timestamptz), ${NO_FLUSH}
  where e.platform = c.platform and e.event_id = c.event_id`;

interface Completion {
  platform: string;
  eventId: string;
  at: Date;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * InboundEvents in prepared hand-written SQL: every Discord interaction and Slack event passes here, so it
 * is on the hot path (README, Benchmarks). Completions are written in groups: while one group's statement
 * runs, the ones that come in wait and go together in the next, so a busy server writes one row version
 * per event but a commit per group rather than per event. Each `complete` resolves once its row is written.
 */
export class PgInboundEvents implements InboundEvents {
  readonly #raw: RawSql;
  #waiting: Completion[] = [];
  #writing = false;

  constructor(connection: Pick<Connection, 'raw'>) {
    this.#raw = connection.raw;
  }

  async claim(platform: string, eventId: string, now: Date, retryAfterMs: number): Promise<boolean> {
    const cutoff = new Date(now.getTime() - retryAfterMs);
    const rows = await this.#raw.query(CLAIM, [platform, eventId, now, cutoff]);
    return rows.length > 0;
  }

  complete(platform: string, eventId: string, now: Date): Promise<void> {
    return new Promise((done, failed) => {
      this.#waiting.push({ platform, eventId, at: now, done, failed });
      if (!this.#writing) void this.#write();
    });
  }

  async #write(): Promise<void> {
    this.#writing = true;
    while (this.#waiting.length > 0) {
      const group = this.#waiting;
      this.#waiting = [];
      try {
        const rows = group.map((c) => ({
          platform: c.platform,
          event_id: c.eventId,
          at: c.at.toISOString(),
        }));
        await this.#raw.query(COMPLETE, [JSON.stringify(rows)]);
        for (const completion of group) completion.done();
      } catch (error) {
        for (const completion of group) completion.failed(error);
      }
    }
    this.#writing = false;
  }
}
