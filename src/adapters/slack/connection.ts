import { type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackConnection } from '../../config/slack.ts';
import type { Clock } from '../../core/clock.ts';
import type { RouteHandler } from '../../http/server.ts';
import { boltLogger } from '../../ops/bolt-logger.ts';
import { SlackHttpReceiver } from './http/receiver.ts';

/** Where Slack sends commands, clicks and events in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface ChosenReceiver {
  receiver: Receiver;
  /** HTTP mode: the route for the shared server. Socket Mode: none, Mnemo dials out to Slack instead. */
  routes: Record<string, RouteHandler>;
}

/** HTTP (signed requests on `POST /slack/events`) by default; Socket Mode when an app token is set. */
export function chooseReceiver(
  connection: SlackConnection,
  options: { clock: Clock; log: Logger },
): ChosenReceiver {
  if (connection.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: boltLogger(options.log),
    });
    return { receiver, routes: {} };
  }
  const http = new SlackHttpReceiver({ signingSecret: connection.signingSecret, ...options });
  return { receiver: http, routes: { [SLACK_EVENTS_PATH]: http.handle } };
}
