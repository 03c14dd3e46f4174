import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CardKind } from '../core/deck/card.ts';
import type { Verdict } from '../core/verdict.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A Discord server, a Slack workspace, or the local console. Every row that belongs to a community is keyed by it. */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(), // 'discord:<guild id>', 'slack:<team id>', 'console'
  platform: text('platform').notNull(),
  name: text('name'),
  /** Set when the platform answered 401 for this tenant: delivery stops until an operator clears it. */
  deliveryBlockedAt: at('delivery_blocked_at'),
  deliveryBlockedReason: text('delivery_blocked_reason'),
  /** The community's app language as the platform tags it (Discord guild_locale; Slack: the admin's locale at /daily set). */
  locale: text('locale'),
  createdAt: createdAt(),
});

/** A person on one platform. Card progress belongs to the person, so it follows them across servers. */
export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    desiredRetention: real('desired_retention').notNull().default(0.9),
    newPerDay: integer('new_per_day').notNull().default(20),
    maxReviewsPerDay: integer('max_reviews_per_day').notNull().default(200),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** The language Mnemo writes to the person in (en, es, de, ja); null: their app's language. */
    language: text('language'),
    /** The app language Mnemo last saw the person use (Discord `locale`, Slack users.info), as the platform tags it. */
    seenLocale: text('seen_locale'),
    /** The person asked to be left out of leaderboards (their reviews still count for themselves). */
    leaderboardHidden: boolean('leaderboard_hidden').notNull().default(false),
    /** The lapse on a card that suspends it as a leech (0: never). */
    leechLapses: integer('leech_lapses').notNull().default(8),
    /** The person's own FSRS weights (the latest adopted fit; see fsrs_parameters), or null for the defaults. */
    fsrsWeights: jsonb('fsrs_weights').$type<number[]>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_platform_external_id').on(t.platform, t.externalId)],
);

/**
 * A deck belongs to everyone (`owner` null: the bundled `cards/` decks) or to one community (a tenant id).
 * An owned deck's and its cards' stored ids carry the owner's tag (`ownedKey`), so two communities may import
 * the same deck and keep separate histories while card ids stay one global key.
 */
export const decks = pgTable('decks', {
  id: text('id').primaryKey(),
  owner: text('owner').references(() => tenants.id),
  title: text('title').notNull(),
  description: text('description'),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  /** BCP 47, as the front matter's `lang:` (canonical form). */
  lang: text('lang').notNull().default('en'),
  sourcePath: text('source_path').notNull(),
  contentHash: text('content_hash').notNull(),
  retiredAt: at('retired_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A card's id is its identity: text edits keep its history; a card that leaves its file is retired, never deleted. */
export const cards = pgTable(
  'cards',
  {
    id: text('id').primaryKey(),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id),
    /** The deck's owner, kept on the card so that picking a card filters without a join. */
    owner: text('owner').references(() => tenants.id),
    kind: text('kind').$type<CardKind>().notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    accept: jsonb('accept').$type<string[]>().notNull().default([]),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    correctOption: integer('correct_option'),
    note: text('note'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** The language its answers are graded in: the card's `Lang:` or its deck's; read with the card, no join. */
    lang: text('lang').notNull().default('en'),
    position: integer('position').notNull(),
    sourceLine: integer('source_line').notNull(),
    /** The note a card was made from when it has siblings (clozes of one sentence, a card and its reverse). */
    noteId: text('note_id'),
    contentHash: text('content_hash').notNull(),
    retiredAt: at('retired_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('cards_deck_position').on(t.deckId, t.position), index('cards_owner').on(t.owner)],
);

/** A bundled deck a community chose not to see. */
export const hiddenDecks = pgTable(
  'hidden_decks',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.deckId] })],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Pictures and sound, stored once by content (sha256, hex) and shared by every replica. */
export const media = pgTable('media', {
  hash: text('hash').primaryKey(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

/**
 * A file a community admin is importing from chat, kept between its preview and the confirmation: the chat
 * button carries only `id` (random), the bytes stay here (every replica sees them) until `expiresAt`.
 */
export const pendingImports = pgTable(
  'pending_imports',
  {
    id: uuid('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** The person who asked for the preview: only they confirm it. */
    userKey: text('user_key').notNull(),
    fileName: text('file_name').notNull(),
    deckId: text('deck_id'),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pending_imports_expires_idx').on(t.expiresAt)],
);

/**
 * A pending import's bytes, in parts of at most 1 MB: a bytea travels as hex text, so one 25 MB value cost
 * the bot about seven times its size in transient strings and buffers, each way; a part costs a few MB.
 */
export const pendingImportParts = pgTable(
  'pending_import_parts',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => pendingImports.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.part] })],
);

/**
 * Pictures Mnemo made from a source (a formula's TeX), by the source's key: any replica finds the picture
 * without rendering it again. Two sources may make the same bytes, hence a table and not a media column.
 */
export const renderedMedia = pgTable('rendered_media', {
  source: text('source').primaryKey(),
  hash: text('hash')
    .notNull()
    .references(() => media.hash),
  createdAt: createdAt(),
});

/** The file names a deck's cards use for media, and the stored content each stands for. */
export const deckMedia = pgTable(
  'deck_media',
  {
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id),
    name: text('name').notNull(),
    hash: text('hash')
      .notNull()
      .references(() => media.hash),
  },
  (t) => [primaryKey({ columns: [t.deckId, t.name] })],
);

/** One person's FSRS memory state of one card: every field ts-fsrs's Card has. */
export const cardStates = pgTable(
  'card_states',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    due: at('due').notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: smallint('state').notNull(),
    lastReview: at('last_review'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cardId] }), index('card_states_user_due').on(t.userId, t.due)],
);

/** Every question shown. Answering is keyed by the prompt, so a double click or a retried request counts once. */
export const prompts = pgTable(
  'prompts',
  {
    id: uuid('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    /** The card state's `reps` when the prompt was shown: a second prompt for the same review goes stale. */
    repsAtShow: integer('reps_at_show').notNull(),
    deliveryId: bigint('delivery_id', { mode: 'number' }).references((): AnyPgColumn => deliveries.id),
    shownAt: at('shown_at').notNull(),
    revealedAt: at('revealed_at'),
    answeredAt: at('answered_at'),
    reviewId: bigint('review_id', { mode: 'number' }),
    /**
     * The platform request (a Discord interaction id) that gave the first answer: its redelivery is told it
     * was handled, without a claim of its own on the answer's path.
     */
    answeredBy: text('answered_by'),
    /** A practice prompt: its answer goes to practice_reviews and leaves the card's FSRS state alone. */
    practice: boolean('practice').notNull().default(false),
  },
  (t) => [
    index('prompts_user_shown').on(t.userId, t.shownAt),
    index('prompts_delivery_user').on(t.deliveryId, t.userId),
  ],
);

/**
 * Append-only review log: enough to roll a review back with ts-fsrs (`rollback` needs the state before)
 * and to train the FSRS optimizer later (rating, elapsed days, time).
 */
export const reviews = pgTable(
  'reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    promptId: uuid('prompt_id'),
    rating: smallint('rating').notNull(),
    // The FSRS card before this review (ts-fsrs ReviewLog).
    stateBefore: smallint('state_before').notNull(),
    dueBefore: at('due_before').notNull(),
    stabilityBefore: doublePrecision('stability_before').notNull(),
    difficultyBefore: doublePrecision('difficulty_before').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    lastElapsedDays: integer('last_elapsed_days').notNull(),
    scheduledDaysBefore: integer('scheduled_days_before').notNull(),
    learningStepsBefore: integer('learning_steps_before').notNull(),
    lastReviewBefore: at('last_review_before'),
    repsBefore: integer('reps_before').notNull(),
    lapsesBefore: integer('lapses_before').notNull(),
    // The outcome.
    dueAfter: at('due_after').notNull(),
    answer: text('answer'),
    verdict: text('verdict').$type<Verdict>().notNull(),
    responseMs: integer('response_ms'),
    reviewedAt: at('reviewed_at').notNull(),
    /** Set when a dispute re-rated this review: the row that replaced it. */
    supersededBy: bigint('superseded_by', { mode: 'number' }),
    /** On the replacing row: the review it re-rates. */
    disputeOf: bigint('dispute_of', { mode: 'number' }),
  },
  (t) => [
    index('reviews_user_time').on(t.userId, t.reviewedAt),
    index('reviews_tenant_time').on(t.tenantId, t.reviewedAt),
    index('reviews_card').on(t.cardId),
  ],
);

/**
 * A person's hold on one card: suspended (until they unsuspend it), buried (until `buried_until`), and the
 * lapses counted before its leech count was last reset ("Keep studying").
 */
export const cardHolds = pgTable(
  'card_holds',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    suspendedAt: at('suspended_at'),
    suspendedAs: text('suspended_as').$type<'leech' | 'manual'>(),
    buriedUntil: at('buried_until'),
    leechBase: integer('leech_base').notNull().default(0),
    /** How often the card became a leech for this person: /deck leeches adds these up. */
    leeches: integer('leeches').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.cardId] }),
    index('card_holds_suspended').on(t.userId).where(sql`${t.suspendedAt} is not null`),
  ],
);

/** Practice answers: kept apart from the scheduling log (reviews), so FSRS, the optimizer and streaks never see them. */
export const practiceReviews = pgTable(
  'practice_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    promptId: uuid('prompt_id').notNull(),
    rating: smallint('rating').notNull(),
    answer: text('answer'),
    verdict: text('verdict').$type<Verdict>().notNull(),
    responseMs: integer('response_ms'),
    reviewedAt: at('reviewed_at').notNull(),
  },
  (t) => [
    uniqueIndex('practice_reviews_prompt').on(t.promptId),
    index('practice_reviews_user_time').on(t.userId, t.reviewedAt),
  ],
);

/** A channel's question of the day, or a person's DM reminder. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').$type<'channel' | 'reminder'>().notNull(),
    channelId: text('channel_id'),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    deckId: text('deck_id').references(() => decks.id),
    localTime: text('local_time').notNull(), // HH:MM
    /** The next time it is due, and the local date that belongs to: the planner's index. */
    nextDueAt: at('next_due_at').notNull(),
    nextLocalDate: date('next_local_date', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    /** A channel question's language chosen at /daily set (en, es, de, ja); null: the community's. */
    language: text('language'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subscriptions_channel').on(t.tenantId, t.channelId).where(sql`${t.kind} = 'channel'`),
    uniqueIndex('subscriptions_reminder').on(t.tenantId, t.userId).where(sql`${t.kind} = 'reminder'`),
    // The planner's only question: which active subscriptions are due now.
    index('subscriptions_next_due').on(t.nextDueAt).where(sql`${t.active}`),
  ],
);

/** One send of a subscription on one local date; moves pending → sending → sent. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subscriptionId: bigint('subscription_id', { mode: 'number' })
      .notNull()
      .references(() => subscriptions.id),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    dueAt: at('due_at').notNull(),
    /** When the local day is over: a channel question is then edited to show its answer. */
    endsAt: at('ends_at').notNull(),
    closedAt: at('closed_at'),
    channelId: text('channel_id'),
    status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed' | 'skipped'>().notNull(),
    leaseUntil: at('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    cardId: text('card_id').references(() => cards.id),
    messageId: text('message_id'),
    error: text('error'),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('deliveries_subscription_date').on(t.subscriptionId, t.localDate),
    index('deliveries_status_due').on(t.status, t.dueAt),
    // The claim asks for due pending rows, oldest first, and for rows whose lease lapsed: one index each, so
    // that rows in hand (sending, lease running) are never scanned again by the next claim.
    index('deliveries_pending').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    index('deliveries_sending').on(t.leaseUntil).where(sql`${t.status} = 'sending'`),
  ],
);

/** Platform events already handled (Slack's event_id), so a platform's retry never counts an answer twice. */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    platform: text('platform').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: at('received_at').notNull(),
    completedAt: at('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.platform, t.eventId] })],
);

/**
 * One Slack installation (OAuth v2): a workspace, or a whole Enterprise Grid org for an org-wide install.
 * Everything Bolt's Installation holds, tokens included, sits in `sealed` (AES-256-GCM, see
 * src/installs/secret-box.ts); the plain columns are what lookups and operators need.
 */
export const slackInstallations = pgTable(
  'slack_installations',
  {
    /** `T…` for a workspace install, `E…` for an org-wide install. */
    id: text('id').primaryKey(),
    teamId: text('team_id'),
    enterpriseId: text('enterprise_id'),
    isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
    appId: text('app_id'),
    botUserId: text('bot_user_id'),
    botId: text('bot_id'),
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    installerUserId: text('installer_user_id'),
    /** The whole Installation as JSON, encrypted: `v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts. */
    sealed: text('sealed').notNull(),
    installedAt: at('installed_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('slack_installations_enterprise').on(t.enterpriseId)],
);

/**
 * Workspaces seen under an Enterprise Grid org-wide install: a delivery to `slack:<team id>` finds its token
 * through the org's installation.
 */
export const slackOrgWorkspaces = pgTable('slack_org_workspaces', {
  teamId: text('team_id').primaryKey(),
  enterpriseId: text('enterprise_id').notNull(),
  seenAt: at('seen_at').notNull().defaultNow(),
});

/** Every optimizer fit of a person's FSRS parameters, adopted or not, with the figures that decided it. */
export const fsrsParameters = pgTable(
  'fsrs_parameters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    fittedAt: at('fitted_at').notNull(),
    /** Reviews the fit saw (first of each day per card), and the newest review id among them. */
    reviews: integer('reviews').notNull(),
    lastReviewId: bigint('last_review_id', { mode: 'number' }).notNull(),
    /** The weights in use before (null: the defaults) and the fit on the first 80% of reviews by time. */
    weightsBefore: jsonb('weights_before').$type<number[]>(),
    weightsFitted: jsonb('weights_fitted').$type<number[]>().notNull(),
    /** On the last 20% of reviews: the weights in use before, and the fit. */
    loglossBefore: doublePrecision('logloss_before').notNull(),
    loglossAfter: doublePrecision('logloss_after').notNull(),
    rmseBefore: doublePrecision('rmse_before').notNull(),
    rmseAfter: doublePrecision('rmse_after').notNull(),
    adopted: boolean('adopted').notNull(),
    /** When adopted: the refit on all reviews, which the person is now scheduled with. */
    weightsAdopted: jsonb('weights_adopted').$type<number[]>(),
  },
  (t) => [index('fsrs_parameters_user_time').on(t.userId, t.fittedAt)],
);

/** The daily optimizer run, claimed by the first replica that inserts the day's row. */
export const fsrsOptimizerRuns = pgTable('fsrs_optimizer_runs', {
  runDate: date('run_date', { mode: 'string' }).primaryKey(),
  startedAt: at('started_at').notNull(),
  finishedAt: at('finished_at'),
  people: integer('people'),
});
