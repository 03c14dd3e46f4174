import cron from 'node-cron';
import { z } from 'zod';
import { type DiscordConfig, discordEnvironment, readDiscordConfig } from './config/discord.ts';
import { readSlackConfig, type SlackConfig, slackEnvironment } from './config/slack.ts';
import { MnemoError } from './core/errors.ts';
import { optionalText } from './env-text.ts';

const environmentSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: optionalText.default('./data'),
  CARDS_DIR: optionalText.default('./cards'),
  CARDS_WATCH: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DELIVERY_CRON: optionalText
    .default('* * * * *')
    .refine(
      (expression) => expression === undefined || cron.validate(expression),
      'must be a node-cron expression',
    ),
  DELIVERY_ENABLED: z.enum(['true', 'false']).default('true'),
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  ...discordEnvironment,
  ...slackEnvironment,
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  cardsDir: string;
  /** Reload the decks when files under `cardsDir` change while the bot runs. */
  cardsWatch: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  port: number;
  databasePoolSize: number;
  /** node-cron expression of the delivery tick; every minute by default. */
  deliveryCron: string;
  deliveryEnabled: boolean;
  /** How long a claimed delivery is held before another instance may take it over. */
  deliveryLeaseMs: number;
  discord: DiscordConfig | null;
  slack: SlackConfig | null;
};

/** Parses the environment once; a bad value throws a MnemoError CONFIG_INVALID that names the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new MnemoError('CONFIG_INVALID', `invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  try {
    return {
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR ?? './data',
      cardsDir: e.CARDS_DIR ?? './cards',
      cardsWatch: e.CARDS_WATCH === 'true',
      logLevel: e.LOG_LEVEL,
      port: e.PORT,
      databasePoolSize: e.DATABASE_POOL_SIZE,
      deliveryCron: e.DELIVERY_CRON ?? '* * * * *',
      deliveryEnabled: e.DELIVERY_ENABLED === 'true',
      deliveryLeaseMs: e.DELIVERY_LEASE_SECONDS * 1_000,
      discord: readDiscordConfig(e),
      slack: readSlackConfig(e),
    };
  } catch (error) {
    throw new MnemoError(
      'CONFIG_INVALID',
      `invalid configuration: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
