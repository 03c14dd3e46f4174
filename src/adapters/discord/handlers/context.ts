import type { Logger } from 'pino';
import type { ChatPorts } from '../../../chat/ports.ts';
import type { DiscordApi } from '../api.ts';
import type { Reply } from '../reply.ts';

/** What every handler may use. */
export interface HandlerContext extends ChatPorts {
  api: DiscordApi;
  log: Logger;
}

/** A handler's answer, and work to do once the person has it (such as editing a channel's message). */
export interface Outcome {
  reply: Reply;
  after?: () => Promise<void>;
}

export function answer(reply: Reply, after?: () => Promise<void>): Outcome {
  return after ? { reply, after } : { reply };
}
