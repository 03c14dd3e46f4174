import type { Messenger } from '../core/delivery/ports.ts';
import type { RouteHandler } from './server.ts';

/** A chat platform's adapter as the composition root (src/bot.ts) runs it: Discord's and Slack's alike. */
export interface PlatformAdapter {
  /** Its routes on the shared HTTP server, by path; none in a mode that dials out (a gateway, a socket). */
  routes: Record<string, RouteHandler>;
  /** Delivery's port on the platform: questions of the day and reminders. */
  messenger: Messenger;
  /** Checks its token and, in a mode that dials out, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
