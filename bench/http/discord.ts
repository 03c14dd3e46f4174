import { type KeyObject, sign } from 'node:crypto';
import {
  buttonClick,
  GUILD,
  sentMessage,
  slashCommand,
  type TestUser,
} from '../../test/discord/support/payloads.ts';
import { type ButtonKind, failed, httpFailure, type Platform, post, type Seen } from './people.ts';

/** A button as Discord sends its click: the custom id, and the message it is on. */
export interface DiscordButton {
  customId: string;
  message: ReturnType<typeof sentMessage>;
}

const FIRST_USER = 1_300_000_000_000_500_000n;
const CHANNEL_MESSAGE = 4; // InteractionResponseType.ChannelMessageWithSource
const UPDATE_MESSAGE = 7; // InteractionResponseType.UpdateMessage
const APOLOGY = /went wrong/;

const KINDS: [prefix: string, kind: ButtonKind][] = [
  ['mn:idk:', 'answer'],
  ['mn:opt:', 'answer'],
  ['mn:rate:', 'answer'],
  ['mn:show:', 'reveal'],
  ['mn:next:', 'next'],
];

/**
 * Discord's side of HTTP interactions: each request signed with the application's Ed25519 key, as Discord
 * signs them; the answer is the HTTP response. A deferral counts as an error: the answer came too late.
 */
export function discordPeople(endpoint: URL, key: KeyObject): Platform<DiscordButton> {
  const send = async (body: unknown): Promise<Seen<DiscordButton>> => {
    const text = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1_000));
    const signature = sign(null, Buffer.from(timestamp + text), key).toString('hex');
    const answer = await post(endpoint, text, {
      'content-type': 'application/json',
      'x-signature-ed25519': signature,
      'x-signature-timestamp': timestamp,
    });
    if (answer.status !== 200) return failed(httpFailure(answer));
    const response = JSON.parse(answer.text) as {
      type: number;
      data?: { content?: string; components?: unknown };
    };
    const data = response.data ?? {};
    if (response.type !== CHANNEL_MESSAGE && response.type !== UPDATE_MESSAGE)
      return failed(`response type ${response.type} (a deferral)`);
    if (APOLOGY.test(data.content ?? '')) return failed(`an apology: ${(data.content ?? '').slice(0, 160)}`);
    const message = sentMessage(data);
    return {
      ok: true,
      buttons: customIds(data.components).flatMap((customId) => buttonOf(customId, message)),
    };
  };
  return {
    command: (person) => send(slashCommand('quiz', [], { user: userOf(person), guild: GUILD })),
    click: (person, button) => send(buttonClick(button.customId, button.message, { user: userOf(person) })),
  };
}

function userOf(person: number): TestUser {
  return { id: String(FIRST_USER + BigInt(person)), username: `learner${person}`, global_name: null };
}

/** Person n's Discord user id, for seeding their learner row. */
export const discordUserId = (person: number): string => String(FIRST_USER + BigInt(person));

function buttonOf(customId: string, message: DiscordButton['message']) {
  const known = KINDS.find(([prefix]) => customId.startsWith(prefix));
  return known ? [{ kind: known[1], handle: { customId, message } }] : [];
}

function customIds(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((component: { custom_id?: unknown; components?: unknown }) => [
    ...(typeof component.custom_id === 'string' ? [component.custom_id] : []),
    ...customIds(component.components),
  ]);
}
