import type { Logger } from 'pino';
import { wordsOf } from '../../../chat/messages.ts';
import { placeOf } from '../identity.ts';
import { slackStyle } from '../render/reply.ts';

export const APOLOGY = wordsOf({ code: 'APOLOGY' }, slackStyle('/mnemo'));

/** What one log line says about an interaction. */
export interface Interaction {
  tenant: string;
  command: string;
}

/**
 * The one error boundary of every Slack listener: runs `work`, logs one line (tenant, command, ms), and on an
 * unexpected error logs its cause once and lets `apologize` tell the person, so no request goes unanswered.
 */
export async function guarded(
  log: Logger,
  interaction: Interaction,
  work: () => Promise<void>,
  apologize: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    await work();
    log.info({ ...interaction, ms: ms() }, 'slack interaction');
  } catch (error) {
    log.error({ ...interaction, ms: ms(), err: error }, 'slack interaction failed');
    // The cause is logged; if even the apology fails, Slack shows its own error to the person.
    await apologize().catch(() => {});
  }
}

/** Wraps Bolt's `ack` so the apology knows whether the request was already acknowledged. */
export function trackAck<A extends unknown[]>(
  ack: (...args: A) => Promise<void>,
): { ack: (...args: A) => Promise<void>; acked: () => boolean } {
  let done = false;
  return {
    ack: async (...args: A) => {
      done = true;
      await ack(...args);
    },
    acked: () => done,
  };
}

/** The team id of any Slack body, read loosely for the log line before the payload is checked. */
export function tenantOf(body: unknown): string {
  const record = (body ?? {}) as { team_id?: unknown; team?: { id?: unknown } | null };
  const team = typeof record.team_id === 'string' ? record.team_id : record.team?.id;
  return placeOf(typeof team === 'string' ? team : '?').tenantId;
}
