import { Agent, request } from 'node:http';
import type { Crowd } from './load.ts';

/** What a button does for the person clicking it. */
export type ButtonKind = 'answer' | 'reveal' | 'next';

export interface Button<Handle> {
  kind: ButtonKind;
  handle: Handle;
}

/** What the person saw: whether it was a real answer (not an error or an apology), and its buttons. */
export interface Seen<Handle> {
  ok: boolean;
  buttons: Button<Handle>[];
}

const problems = new Map<string, number>();

/** A failed interaction, counted by what went wrong (the benchmark prints the kinds beside the error count). */
export function failed<Handle>(kind: string): Seen<Handle> {
  problems.set(kind, (problems.get(kind) ?? 0) + 1);
  return { ok: false, buttons: [] };
}

/** The failures since the last call, by kind ("none" if there were none), and forgets them. */
export function takeProblems(): string {
  const said = [...problems].map(([kind, count]) => `${count} × ${kind}`).join('; ');
  problems.clear();
  return said || 'none';
}

/** How one platform's people talk to the bot: the slash command, and a click on a button they saw. */
export interface Platform<Handle> {
  command(person: number): Promise<Seen<Handle>>;
  click(person: number, button: Handle): Promise<Seen<Handle>>;
}

interface Memory<Handle> {
  seen: Seen<Handle>;
  answered: boolean;
  /** Alternates "Next card" and the command after a verdict, so both are in the mix. */
  commands: number;
}

/**
 * People doing what people do with a quiz: `/quiz`, answer the card ("I don't know", the first option, or
 * reveal and rate), then "Next card" or `/quiz` again. A person with nothing to click sends the command.
 */
export function crowdOf<Handle>(platform: Platform<Handle>, size: number): Crowd {
  const memory: Memory<Handle>[] = Array.from({ length: size }, () => ({
    seen: { ok: true, buttons: [] },
    answered: false,
    commands: 0,
  }));
  return {
    size,
    async step(person) {
      const mind = memory[person] as Memory<Handle>;
      const button = (kind: ButtonKind) => mind.seen.buttons.find((b) => b.kind === kind);
      let next: Promise<Seen<Handle>>;
      const verdictNext = mind.answered ? button('next') : undefined;
      const answer = mind.answered ? undefined : (button('answer') ?? button('reveal'));
      if (verdictNext && mind.commands++ % 2 === 0) next = platform.click(person, verdictNext.handle);
      else if (answer) next = platform.click(person, answer.handle);
      else next = platform.command(person);
      mind.answered = answer?.kind === 'answer';
      mind.seen = await next;
      return mind.seen.ok;
    },
  };
}

/** Keeps connections open between requests, as a platform's senders do. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 256 });

const REQUEST_TIMEOUT_MS = 10_000;

/** No HTTP answer: status 0, and the reason (`ECONNRESET`, `timed out`…) as the text. */
function unanswered(error: NodeJS.ErrnoException): { status: number; text: string } {
  return { status: 0, text: error.code ?? error.message };
}

/** What a failed POST came back as, for the failure's kind. */
export function httpFailure(answer: { status: number; text: string }): string {
  return answer.status === 0 ? `no HTTP answer (${answer.text})` : `HTTP ${answer.status}`;
}

/** POSTs `body` and reads the whole answer; a connection failure or a timeout is status 0 (see unanswered). */
export function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const sent = request(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error: NodeJS.ErrnoException) => resolve(unanswered(error)));
      },
    );
    sent.on('timeout', () => sent.destroy(new Error('timed out')));
    sent.on('error', (error: NodeJS.ErrnoException) => resolve(unanswered(error)));
    sent.end(body);
  });
}
