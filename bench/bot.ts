import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { type Bot, buildBot } from '../src/bot.ts';
import type { Clock } from '../src/core/clock.ts';
import { DELIVERY_DEFAULTS } from '../src/core/delivery/deliveries.ts';
import type { Connection } from '../src/db/client.ts';

/** The bot as main.ts builds it, with no chat platform: what the benchmark measures is Mnemo's own wiring. */
export function benchBot(connection: Connection, clock: Clock): Promise<Bot> {
  return buildBot({
    config: {
      discord: null,
      slack: null,
      deliveryLeaseMs: DELIVERY_DEFAULTS.leaseMs,
      databasePoolSize: connection.kind === 'postgres' ? 10 : 1,
    },
    connection,
    clock,
    newId: randomUUID,
    log: pino({ level: 'warn' }, pino.destination(2)),
  });
}
