import type { Person } from '../src/core/people.ts';
import type { RawSql } from '../src/db/raw-sql.ts';

export const LEARNER_PLATFORM = 'bench';
const USERS_PER_STATEMENT = 2_000;

/** Learner n as an adapter would name them. */
export const personOf = (n: number): Person => ({ platform: LEARNER_PLATFORM, externalId: `u${n}` });

/** How learners are named: learner n is `prefix` followed by n, on `platform`. */
export interface Naming {
  platform: string;
  prefix: string;
}

const BENCH_NAMING: Naming = { platform: LEARNER_PLATFORM, prefix: 'u' };

/** Learners first…last, with default settings, in bulk. */
export async function seedLearners(
  raw: RawSql,
  first: number,
  last: number,
  naming: Naming = BENCH_NAMING,
): Promise<void> {
  for (let from = first; from <= last; from += USERS_PER_STATEMENT * 10) {
    await raw.query(
      `insert into users (platform, external_id)
       select $1, $4 || g from generate_series($2::int, $3::int) g`,
      [naming.platform, from, Math.min(last, from + USERS_PER_STATEMENT * 10 - 1), naming.prefix],
    );
  }
}

/**
 * A review state for each of learners first…last and each card, as FSRS leaves it after a few reviews
 * (stability 3–45 days, difficulty 2–9, 2–9 reps), due 1–24 hours ago: every card is ready for review.
 */
export async function seedStates(
  raw: RawSql,
  options: { first: number; last: number; cardIds: readonly string[]; now: Date; naming?: Naming },
): Promise<void> {
  const naming = options.naming ?? BENCH_NAMING;
  for (let from = options.first; from <= options.last; from += USERS_PER_STATEMENT) {
    await raw.query(
      `insert into card_states (user_id, card_id, due, stability, difficulty, elapsed_days, scheduled_days,
         learning_steps, reps, lapses, state, last_review)
       select u.id, c.card_id,
         $4::timestamptz - make_interval(hours => h.ago),
         s.days * 1.05, 2 + ((u.id * 3 + c.k) % 70) / 10.0, 0, s.days,
         0, 2 + ((u.id + c.k) % 8)::int, ((u.id + c.k) % 3)::int, 2,
         $4::timestamptz - make_interval(days => s.days, hours => h.ago)
       from generate_series($2::int, $3::int) g
       join users u on u.platform = $1 and u.external_id = $6 || g
       cross join jsonb_array_elements_text($5::text::jsonb) with ordinality as c(card_id, k)
       cross join lateral (select (3 + (u.id * 7 + c.k * 13) % 43)::int as days) s
       cross join lateral (select (1 + (u.id + c.k) % 24)::int as ago) h`,
      [
        naming.platform,
        from,
        Math.min(options.last, from + USERS_PER_STATEMENT - 1),
        options.now,
        JSON.stringify(options.cardIds),
        naming.prefix,
      ],
    );
  }
}

/** Learner number → users.id, for the floor, which works on ids as a hand-written path would. */
export async function userIds(raw: RawSql, first: number, last: number): Promise<Map<number, number>> {
  const rows = await raw.query<{ n: number; id: number }>(
    `select substr(external_id, 2)::int as n, id::int as id from users
     where platform = $1 and substr(external_id, 2)::int between $2 and $3`,
    [LEARNER_PLATFORM, first, last],
  );
  return new Map(rows.map((row) => [row.n, row.id]));
}
