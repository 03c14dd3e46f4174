import { createHmac } from 'node:crypto';
import { blockAction, interaction, slashCommand } from '../../test/slack/support/payloads.ts';
import type { FakePlatforms } from './fake-platforms.ts';
import { type ButtonKind, failed, httpFailure, type Platform, post, type Seen } from './people.ts';

export interface SlackButton {
  actionId: string;
  value: string;
}

export const SLACK_TEAM = 'T0BENCH';
const FORM = 'application/x-www-form-urlencoded';
const ANSWER_TIMEOUT_MS = 10_000;
const APOLOGY = /went wrong/;

const KINDS: [prefix: string, kind: ButtonKind][] = [
  ['mn:give-up', 'answer'],
  ['mn:choice:', 'answer'],
  ['mn:rate:', 'answer'],
  ['mn:reveal', 'reveal'],
  ['mn:next', 'next'],
];

/**
 * Slack's side of a command or a click: a signed request (v0 HMAC), acknowledged with 200, then the answer
 * posted to the request's response_url. The interaction ends when the person has that answer.
 */
export function slackPeople(
  endpoint: URL,
  signingSecret: string,
  fake: FakePlatforms,
): Platform<SlackButton> {
  const send = async (body: (responseUrl: string) => string): Promise<Seen<SlackButton>> => {
    const reply = fake.responseUrl();
    const text = body(reply.url);
    const timestamp = String(Math.floor(Date.now() / 1_000));
    const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${text}`).digest('hex');
    const acked = await post(endpoint, text, {
      'content-type': FORM,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${signature}`,
    });
    if (acked.status !== 200) return failed(httpFailure(acked));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
    });
    const posted = await Promise.race([reply.posted, late]);
    clearTimeout(timer);
    if (posted === null) return failed(`no answer at the response_url within ${ANSWER_TIMEOUT_MS} ms`);
    const shown = JSON.stringify(posted);
    if (APOLOGY.test(shown)) return failed(`an apology: ${shown.slice(0, 160)}`);
    return { ok: true, buttons: buttonsOf(posted) };
  };
  return {
    command: (person) =>
      send((responseUrl) => slashCommand('quiz', { user: userOf(person), team: SLACK_TEAM, responseUrl })),
    click: (person, button) =>
      send((responseUrl) =>
        interaction(blockAction({ user: userOf(person), team: SLACK_TEAM, responseUrl, ...button })),
      ),
  };
}

const userOf = (person: number): string => `U${person}`;

/** Person n's Slack user id, for seeding their learner row. */
export const slackUserId = userOf;

function buttonsOf(value: unknown): { kind: ButtonKind; handle: SlackButton }[] {
  if (Array.isArray(value)) return value.flatMap(buttonsOf);
  if (typeof value !== 'object' || value === null) return [];
  const { action_id: actionId, value: buttonValue } = value as { action_id?: unknown; value?: unknown };
  if (typeof actionId === 'string') {
    const known = KINDS.find(([prefix]) => actionId.startsWith(prefix));
    return known ? [{ kind: known[1], handle: { actionId, value: String(buttonValue ?? '') } }] : [];
  }
  return Object.values(value).flatMap(buttonsOf);
}
