/**
 * The quiz store's hand-written statements: showing a card and answering it are the paths people wait on,
 * where Drizzle's query building cost more than the database did (README, Benchmarks). Every column list is
 * made from the schema (rows.ts), so a renamed column breaks the typecheck, not a query at run time.
 */
import { CARD_FIELDS } from '../card-row.ts';
import { NO_FLUSH } from '../no-flush.ts';
import { columnNames, placeholders, tableColumns } from '../rows.ts';
import { cardStates, cards, prompts, reviews, tenants, users } from '../schema.ts';
import { visibleCard } from '../visible-decks.ts';
import { BEFORE_FIELDS, LEARNER_FIELDS, MEMORY_FIELDS } from './rows.ts';

export const PROMPT = tableColumns(prompts, 'p');
export const CARD = tableColumns(cards, 'c', CARD_FIELDS);
export const USER = tableColumns(users, 'u', LEARNER_FIELDS);
export const STATE = tableColumns(cardStates, 's');
export const DUE = tableColumns(cardStates, 's', ['due']);
export const REVIEW = tableColumns(reviews, 'r');

const STATE_COLUMNS = columnNames(cardStates, MEMORY_FIELDS);
const PROMPT_COLUMNS = columnNames(prompts, ['id', 'tenantId', 'userId', 'cardId', 'repsAtShow', 'shownAt']);

export const ENSURE_PLACE = `insert into tenants (${columnNames(tenants, ['id', 'platform', 'name'])}) values ($1, $2, $3) on conflict do nothing`;

/**
 * The person's row, made on first sight; the display name is written only when it changed (an upsert that
 * always updates would write a row version and flush WAL on every card shown).
 */
export const ENSURE_LEARNER = `
  with written as (
    insert into users (${columnNames(users, ['platform', 'externalId', 'displayName'])}) values ($1, $2, $3)
    on conflict (platform, external_id) do update set display_name = excluded.display_name
    where $3::text is not null and users.display_name is distinct from excluded.display_name
    returning *
  )
  select ${USER.list} from written u
  union all
  select ${USER.list} from users u
  where u.platform = $1 and u.external_id = $2 and not exists (select from written)`;
/** Stores the person's app language tag when it changed (a read otherwise); says whether the person is known. */
export const NOTE_APP_LOCALE = `
  with known as (select id, seen_locale from users where platform = $1 and external_id = $2),
  changed as (
    update users u set seen_locale = $3 from known k where u.id = k.id and k.seen_locale is distinct from $3
  )
  select count(*)::int as known from known`;

export const FIND_LEARNER = `
  select ${USER.list}, u.display_name as "displayName" from users u where u.platform = $1 and u.external_id = $2`;

/** Reviews counted against the day's limits, and how many introduced a new card (a dispute's replacement is not a second review). */
const dayCounts = (user: string, from: string, to: string) => `
  select count(*)::int as reviewed, (count(*) filter (where r.state_before = 0))::int as introduced
  from reviews r
  where r.user_id = ${user} and r.reviewed_at >= ${from} and r.reviewed_at < ${to} and r.dispute_of is null`;

export const COUNT_DAY = dayCounts('$1', '$2', '$3');

/** FIND_LEARNER with the same counts from $3 to $4 (a lateral join: one round trip for both). */
export const FIND_LEARNER_DAY = `
  select ${USER.list}, u.display_name as "displayName", d.reviewed, d.introduced
  from users u cross join lateral (${dayCounts('u.id', '$3', '$4')}
  ) d
  where u.platform = $1 and u.external_id = $2`;

/**
 * Whether card `c` has a sibling that person `user` was shown since `since` (SiblingBurial): read from the
 * person's prompts of the day (index prompts_user_shown), and only for cards that have a note.
 */
const siblingShown = (user: string, since: string) => `(c.note_id is not null and exists (
    select from prompts sp join cards sc on sc.id = sp.card_id
    where sp.user_id = ${user} and sp.shown_at >= ${since} and sc.note_id = c.note_id and sc.id <> c.id))`;

/** Whether card `c` is suspended for person `user`, or buried until after `now` (card_holds). */
const held = (user: string, now: string) => `exists (
    select from card_holds hc where hc.user_id = ${user} and hc.card_id = c.id
    and (hc.suspended_at is not null or hc.buried_until > ${now}))`;

/** Whether card `c` carries the tag `tag` (null: any card). */
const tagged = (tag: string) => `(${tag}::text is null or c.tags ? ${tag}::text)`;

/**
 * The card picked, and its prompt stored, in one statement (one round trip per card shown, and no flush:
 * see CREATE_PROMPT). $1: the person; $2: a deck id or null for every deck; $3: card ids to leave out, as
 * a JSON array; $4, $5, $6: the prompt's id, tenant and time, which is also "now" for what is due; $7: the
 * start of the person's day, since when a shown sibling buries a card; $8: a tag or null; $9: the platform's
 * id of the request, or null. Only cards of decks the tenant sees, and not suspended or buried for the person,
 * are picked. A request's prompt has an id made from the request (and tenant), so that its redelivery stores
 * none and reads no "shown" id: a /quiz needs no claim of its own (inbound_events) to be handled once.
 */
const showCard = (pick: string, repsAtShow: string) => `
  with picked as (${pick}),
  shown as (
    insert into prompts (${PROMPT_COLUMNS})
    select coalesce(md5($5::text || ':' || $9::text)::uuid, $4::uuid), $5::text, $1::bigint, p."c.id",
      ${repsAtShow}, $6::timestamptz
    from picked p, ${NO_FLUSH}
    on conflict (id) do nothing
    returning id
  )
  select p.*, (select id from shown) as "shown.id" from picked p`;
export const SHOW_DUE_CARD = showCard(
  `select ${CARD.list}, ${STATE.list}
  from card_states s join cards c on c.id = s.card_id
  where s.user_id = $1 and s.due <= $6::timestamptz and s.state <> 0 and c.retired_at is null
    and ($2::text is null or c.deck_id = $2) and not ($3::jsonb ? c.id) and ${tagged('$8')}
    and not ${siblingShown('$1', '$7::timestamptz')} and not ${held('$1', '$6::timestamptz')}
    and ${visibleCard('$5::text')}
  order by s.due
  limit 1`,
  'p."s.reps"',
);
export const SHOW_NEW_CARD = showCard(
  `select ${CARD.list}
  from cards c left join card_states s on s.card_id = c.id and s.user_id = $1
  where c.retired_at is null and coalesce(s.state, 0) = 0
    and ($2::text is null or c.deck_id = $2) and not ($3::jsonb ? c.id) and ${tagged('$8')}
    and not ${siblingShown('$1', '$7::timestamptz')} and not ${held('$1', '$6::timestamptz')}
    and ${visibleCard('$5::text')}
  order by c.deck_id, c.position
  limit 1`,
  '0',
);
/**
 * When the person's next card comes back ($2: a deck id, or null for every deck; $3: the tenant, whose decks
 * count); a card whose sibling was shown since $4 not before $5, the end of its burial; a buried card not
 * before the end of its burial; a suspended card never.
 */
export const NEXT_DUE = `
  select min(greatest(case when ${siblingShown('$1', '$4::timestamptz')} then greatest(s.due, $5::timestamptz)
    else s.due end, h.buried_until)) as "s.due"
  from card_states s join cards c on c.id = s.card_id
  left join card_holds h on h.user_id = s.user_id and h.card_id = s.card_id
  where s.user_id = $1 and s.state <> 0 and c.retired_at is null and ($2::text is null or c.deck_id = $2)
    and h.suspended_at is null and ${visibleCard('$3::text')}`;
export const FIND_CARD = `
  select ${CARD.list}, ${STATE.list}
  from cards c left join card_states s on s.card_id = c.id and s.user_id = $1
  where c.id = $2 and c.retired_at is null and ${visibleCard('$3::text')}`;
/**
 * Without waiting for the disk: a prompt lost in a crash of the database only means its buttons say the card
 * is no longer open (the next /quiz deals it again); the answer to it is committed durably, and with it
 * the prompt.
 */
export const CREATE_PROMPT = `
  insert into prompts (${PROMPT_COLUMNS}, ${columnNames(prompts, ['deliveryId'])})
  select $1::uuid, $2::text, $3::bigint, $4::text, $5::int, $6::timestamptz, $7::bigint from ${NO_FLUSH}`;

/** A never-answered card's state for the prompt $1: `due` is the time it was shown, $2… the other fields. */
export const ENSURE_PROMPT_STATE = `
  insert into card_states (${columnNames(cardStates, ['userId', 'cardId'])}, ${STATE_COLUMNS})
  select p.user_id, p.card_id, p.shown_at, ${placeholders(2, MEMORY_FIELDS.length - 1)} from prompts p where p.id = $1
  on conflict do nothing`;
export const LOCK_PROMPT_STATE = `
  select ${STATE.list}
  from card_states s join prompts p on p.user_id = s.user_id and p.card_id = s.card_id
  where p.id = $1
  for update of s`;
export const ANSWER_SCENE = `
  select ${PROMPT.list}, ${CARD.list}, ${USER.list}
  from prompts p
  join cards c on c.id = p.card_id
  join users u on u.id = p.user_id
  where p.id = $1
  for update of p`;

export const DISPUTE_SCENE = `
  select ${REVIEW.list}, ${CARD.list}, ${USER.list}
  from reviews r
  join cards c on c.id = r.card_id
  join users u on u.id = r.user_id
  where r.id = $1
  for update of r`;

export const LOCK_STATE = `select ${STATE.list} from card_states s where user_id = $1 and card_id = $2 for update`;

/** $13 onwards in STORE_REVIEW: the review's own columns, then the state before it. */
const REVIEW_FIELDS = [
  'tenantId',
  'promptId',
  'disputeOf',
  'rating',
  'reviewedAt',
  'elapsedDays',
  'lastElapsedDays',
  'answer',
  'verdict',
  'responseMs',
  ...BEFORE_FIELDS,
] as const;

/**
 * One statement: the card state moves, the review is appended, the prompt points at it (its first answer
 * time kept), and a disputed review is marked superseded by it. $1, $2: the person and card; $3…$12: the
 * state after (MEMORY_FIELDS); $13…$31: REVIEW_FIELDS; $32: who answered (the request).
 */
export const STORE_REVIEW = `
  with state as (
    update card_states set (${STATE_COLUMNS}) = (${placeholders(3, MEMORY_FIELDS.length)})
    where user_id = $1 and card_id = $2
  ), review as (
    insert into reviews (${columnNames(reviews, ['userId', 'cardId', ...REVIEW_FIELDS, 'dueAfter'])})
    values ($1, $2, ${placeholders(13, REVIEW_FIELDS.length)}, $3)
    returning id
  ), superseded as (
    update reviews set superseded_by = (select id from review) where id = $15
  ), prompt as (
    update prompts set answered_at = coalesce(answered_at, $17), review_id = (select id from review),
      answered_by = coalesce(answered_by, $32)
    where id = $14
  )
  select id from review`;

/** A card's standing reviews for one person ($1, $2), oldest first: what a dispute after a reschedule replays. */
export const LOG_REVIEW = tableColumns(reviews, 'r', ['id', 'rating', 'reviewedAt', 'stateBefore']);
export const STANDING_LOG = `
  select ${LOG_REVIEW.list} from reviews r
  where r.user_id = $1 and r.card_id = $2 and r.superseded_by is null
  order by r.reviewed_at, r.id`;

export const FIND_REVIEW = `select ${REVIEW.list} from reviews r where r.id = $1`;
