import type { Logger } from 'pino';
import type { DiscordAdapter, DiscordAdapterDeps } from './adapters/discord/index.ts';
import type { SlackAdapter, SlackAdapterDeps } from './adapters/slack/index.ts';
import type { CardMedia } from './chat/card-media.ts';
import type { DeckFilesPort } from './chat/deck-files.ts';
import type { ReplyPictures } from './chat/pictures.ts';
import type { Config } from './config.ts';
import type { Clock } from './core/clock.ts';
import { Community } from './core/community/community.ts';
import { Deliveries } from './core/delivery/deliveries.ts';
import { Privacy } from './core/privacy/privacy.ts';
import type { InboundEvents } from './core/quiz/inbound.ts';
import { Quiz } from './core/quiz/quiz.ts';
import type { Connection } from './db/client.ts';
import { PgCommunityStore } from './db/community-store.ts';
import { PgDeliveryStore } from './db/delivery-store.ts';
import { PgInboundEvents } from './db/inbound-events.ts';
import { MediaStore } from './db/media-store.ts';
import { PgMemoryModelStore } from './db/memory-model-store.ts';
import { PgPendingImportStore } from './db/pending-import-store.ts';
import { PgPrivacyStore } from './db/privacy-store.ts';
import { PgQuizStore } from './db/quiz/pg-quiz-store.ts';
import { PgSlackInstallations } from './db/slack-installations.ts';
import { PgProgressStore } from './db/stats-store.ts';
import { PgStudyStore } from './db/study-store.ts';
import type { RouteHandler } from './http/server.ts';
import { DeckFiles } from './import/deck-files.ts';
import type { SlackInstallerOptions } from './installs/slack/installer.ts';
import { cardMedia as makeCardMedia } from './media/card-files.ts';
import { healthRoute } from './ops/health.ts';
import { Metrics } from './ops/metrics.ts';
import { replyPictures } from './pictures/reply-pictures.ts';

/** What the bot is built from; the configuration is what the parts read of it (all of it from main.ts). */
export interface BotOptions {
  config: Pick<Config, 'discord' | 'slack' | 'deliveryLeaseMs' | 'databasePoolSize'>;
  connection: Connection;
  clock: Clock;
  newId: () => string;
  log: Logger;
  /** Tests: a stand-in for a part (a slow or broken Quiz, slow inbound events), or one shared with another bot. */
  parts?: Partial<Pick<Bot, 'quiz' | 'community' | 'inboundEvents' | 'pictures' | 'deckFiles' | 'cardMedia'>>;
  /** Tests: shorter Discord timings, and a Slack sleep that moves their clock. */
  tuning?: {
    discord?: Pick<DiscordAdapterDeps, 'timing'>;
    slack?: Pick<SlackAdapterDeps, 'sleep'> & Pick<SlackInstallerOptions, 'onInstalled'>;
  };
}

export interface PlatformAdapter {
  name: 'discord' | 'slack';
  routes: Record<string, RouteHandler>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Every part of the running bot, wired once: main.ts runs it, tests and the benchmark drive its parts. */
export interface Bot {
  quiz: Quiz;
  community: Community;
  deliveries: Deliveries;
  inboundEvents: InboundEvents;
  /** The /stats and /leaderboard pictures the chat replies attach. */
  pictures: ReplyPictures;
  /** `/deck import | export | hide | show`: a community's decks as files. */
  deckFiles: DeckFilesPort;
  /** Files previewed for import and waiting for their confirmation; main.ts sweeps the expired ones. */
  pendingImports: PgPendingImportStore;
  /** The pictures, sound and formulas shown with cards. */
  cardMedia: CardMedia;
  metrics: Metrics;
  /** The configured platforms, in the order they start. */
  adapters: PlatformAdapter[];
  discord: DiscordAdapter | null;
  slack: SlackAdapter | null;
  /** Every HTTP route: health, metrics, and each adapter's (Discord interactions, Slack events). */
  routes: Record<string, RouteHandler>;
}

/**
 * Builds the bot from its configuration: the stores, the use cases, each configured platform's adapter,
 * delivery with their messengers, and the metrics every part reports to. Starting, the HTTP server, the
 * delivery tick and signals are the caller's (main.ts).
 */
export async function buildBot(options: BotOptions): Promise<Bot> {
  const { config, connection, clock, newId, log, parts = {}, tuning = {} } = options;
  const metrics = new Metrics(connection.ping);
  metrics.databasePoolSize.set(connection.kind === 'postgres' ? config.databasePoolSize : 1);
  const quizStore = new PgQuizStore(connection);
  const quiz =
    parts.quiz ??
    new Quiz({
      store: quizStore,
      clock,
      newId,
      fits: new PgMemoryModelStore(connection.db),
      study: new PgStudyStore(connection),
      onAnswered: (verdict, elapsedMs) => {
        metrics.answers.inc({ verdict });
        metrics.answerSeconds.observe(elapsedMs / 1_000);
      },
    });
  const community =
    parts.community ?? new Community({ store: new PgCommunityStore(connection.db), quizStore, clock });
  const inboundEvents = parts.inboundEvents ?? new PgInboundEvents(connection);
  const privacy = new Privacy({ store: new PgPrivacyStore(connection.db), clock });
  const pictures =
    parts.pictures ??
    replyPictures(new PgProgressStore(connection), clock, (error, picture) =>
      // The reply still goes out, as text.
      log.warn({ err: error, picture }, 'a picture could not be drawn; the reply is sent without it'),
    );
  const pendingImports = new PgPendingImportStore(connection.db);
  const deckFiles =
    parts.deckFiles ??
    new DeckFiles({
      db: connection.db,
      pending: pendingImports,
      community: new PgCommunityStore(connection.db),
      clock,
      newId,
    });
  const mediaStore = new MediaStore(connection.db);
  const cardMedia =
    parts.cardMedia ??
    makeCardMedia(mediaStore, mediaStore, (error, card) =>
      // The card still goes out, as text.
      log.warn(
        { err: error, card: card.id },
        'a card’s files could not be made; the card is sent without them',
      ),
    );
  const shared = { quiz, community, privacy, inboundEvents, pictures, deckFiles, cardMedia, clock };
  const onPlatformError = (platform: string) => (status: number) =>
    metrics.platformErrors.inc({ platform, status });

  // Each platform's code is loaded only when it is configured: discord.js and Bolt each hold tens of MB.
  let discord: DiscordAdapter | null = null;
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.ts');
    discord = createDiscordAdapter({
      ...shared,
      ...tuning.discord,
      config: config.discord,
      log: log.child({ platform: 'discord' }),
      onPlatformError: onPlatformError('discord'),
    });
  }
  const deliveryStore = new PgDeliveryStore(connection);
  let slack: SlackAdapter | null = null;
  if (config.slack) {
    const { createSlackAdapter, webClientOptions } = await import('./adapters/slack/index.ts');
    const slackLog = log.child({ platform: 'slack' });
    const { oauth, apiUrl } = config.slack;
    // Many workspaces (OAuth): installs, and each workspace's token, are kept apart from the adapter.
    const installer =
      oauth &&
      (await import('./installs/slack/installer.ts')).createSlackInstaller({
        oauth,
        installations: new PgSlackInstallations(connection.db),
        clock,
        log: slackLog,
        clientOptions: webClientOptions(apiUrl),
        // A workspace installed again gets its deliveries back (an uninstall or a refused token stopped them).
        onInstalled: async (tenantId) => {
          await deliveryStore.unblockTenant(tenantId);
          await tuning.slack?.onInstalled?.(tenantId);
        },
      });
    slack = createSlackAdapter({
      ...shared,
      ...(tuning.slack?.sleep ? { sleep: tuning.slack.sleep } : {}),
      config: config.slack,
      log: slackLog,
      onPlatformError: onPlatformError('slack'),
      installer,
    });
  }
  const adapters: PlatformAdapter[] = [];
  if (discord) adapters.push({ name: 'discord', ...discord });
  if (slack) adapters.push({ name: 'slack', ...slack });

  const deliveries = new Deliveries({
    store: deliveryStore,
    clock,
    leaseMs: config.deliveryLeaseMs,
    messengers: {
      ...(discord ? { discord: discord.messenger } : {}),
      ...(slack ? { slack: slack.messenger } : {}),
    },
    onProblem: (problem) => log.warn({ ...problem, err: problem.cause }, problem.message),
  });
  const routes: Record<string, RouteHandler> = Object.assign(
    { '/healthz': healthRoute(connection.ping), '/metrics': metrics.route() },
    ...adapters.map((adapter) => adapter.routes),
  );
  return {
    quiz,
    community,
    deliveries,
    inboundEvents,
    pictures,
    deckFiles,
    pendingImports,
    cardMedia,
    metrics,
    adapters,
    discord,
    slack,
    routes,
  };
}
