import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prompts, reviews, users } from '../../src/db/schema.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonId, buttonsOf, EPHEMERAL, RESPONSE } from './support/client.ts';
import type { RecordedCall } from './support/fake-discord.ts';
import {
  APP_ID,
  autocomplete,
  buttonClick,
  modalSubmit,
  STRING,
  sentMessage,
  slashCommand,
  type TestUser,
} from './support/payloads.ts';
import { type Bot, testDecks, World } from './support/world.ts';

let world: World;
const bots = {} as Record<'http' | 'gateway', Bot>;

/** Mentions inside a formula and a code block, in the question and the note. */
const LOUD_MATHS = deckOf('loud-maths', [
  typedCard('loud-maths', '2', {
    question: 'Solve $@everyone + <@1300000000000001001> = x$ for @here',
    note: '```\n@everyone <@&1300000000000000555>\n```\nand $$\\text{@everyone}$$',
  }),
]);

beforeAll(async () => {
  world = await World.start([...testDecks(), LOUD_MATHS]);
  bots.http = await world.httpBot();
  bots.gateway = await world.gatewayBot();
});
afterAll(() => world.close());

const storedReviews = (user: TestUser) => world.storedRows(user, reviews);
const storedPrompts = (user: TestUser) => world.storedRows(user, prompts);
/** How many of the replies say the interaction was handled already. */
const alreadyHandled = (replies: { data: { content?: unknown } }[]) =>
  replies.filter((reply) => reply.data.content === 'This was already handled.').length;

const ZWSP = '\u200b';

/** The message without its code blocks and inline code: what Discord would read as text. */
function outsideCode(content: string): string {
  return content.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
}

/** Lines a Discord client would render as a heading, a quote, subtext or a list. */
function blockMarkdown(content: string): string[] {
  return content.split('\n').filter((line) => /^\s*(#{1,3} |>|-# |[-*] |\d+\. )/.test(line));
}

describe.each(['http', 'gateway'] as const)('in %s mode', (mode) => {
  const send = (payload: { id: string; token: string }) => bots[mode].send(payload);
  const quiz = (user: TestUser, deck: string) =>
    send(slashCommand('quiz', [{ name: 'deck', type: STRING, value: deck }], { user }));
  // biome-ignore lint/suspicious/noExplicitAny: response JSON
  const click = (user: TestUser, response: any, label: string | RegExp) =>
    send(buttonClick(buttonId(response.data, label), sentMessage(response.data), { user }));

  it('GIVEN a card holding @everyone, @here, role and user mentions and markdown THEN it shows as typed, pings no one and keeps the layout', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'hostile');
    const content: string = card.data.content;
    expect(card.data.allowed_mentions).toEqual({ parse: [] });
    expect(content).not.toMatch(/@everyone|@here|<@&?\d+>/);
    expect(content).toContain(`@${ZWSP}everyone`);
    expect(content).toContain(`<${ZWSP}@${ZWSP}&1300000000000000555>`);
    expect(content).toContain('\\*\\*bold\\*\\*');
    expect(content).toContain('\\|\\|spoiler\\|\\|');
    expect(content).toContain('\\[click](https://evil.example)');

    const modal = await click(user, card, 'Answer');
    const verdict = await send(
      modalSubmit(modal.data.custom_id, '@everyone **look**', sentMessage(card.data), { user }),
    );
    const shown: string = verdict.data.content;
    expect(verdict.data.allowed_mentions).toEqual({ parse: [] });
    // Code is shown as code, as written: mentions in it ping no one, since allowed_mentions parses none.
    expect(outsideCode(shown)).not.toMatch(/@everyone|@here|<@&?\d+>/);
    expect(shown).toContain(`**Your answer:** @${ZWSP}everyone \\*\\*look\\*\\*`);
    // The note's heading, quote, subtext and lists stay plain text; its code block is a code block.
    expect(shown).toContain(
      '**Note:** \\# Heading\n\\> quote\n\\-# subtext\n\\- bullet\n1\\. numbered\n```js\nalert(1) // @everyone <@&1300000000000000555>\n```\n',
    );
    expect(shown).toContain('and \\_\\_underline\\_\\_ \\~\\~strike\\~\\~ `code @here` \\*it\\* `$x_1$`');
    // The one block-markdown line is the bot's own: the question as subtext.
    expect(blockMarkdown(shown)).toEqual([expect.stringMatching(/^-# Hey @\u200beveryone/)]);
  });

  it('GIVEN mentions inside a formula and a code block THEN the text pings no one, and the formula pictures carry the TeX only as alt text', async () => {
    const user = world.newUser();
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'loud-maths' }], { user });
    const card = await send(command);
    expect(card.data.allowed_mentions).toEqual({ parse: [] });
    expect(outsideCode(card.data.content)).not.toMatch(/@everyone|@here|<@&?\d+>/);
    const files = await world.fake.waitFor(
      (call) => call.path.includes(command.token) && call.method === 'PATCH' && call.files.length > 0,
    );
    // Only files and their descriptions: no content, so nothing in the edit is read for mentions.
    expect(files.body.content).toBeUndefined();
    expect(files.body.attachments.map((file: { description: string }) => file.description)).toEqual([
      '$@everyone + <@1300000000000001001> = x$',
    ]);

    const verdict = await click(user, card, /know/);
    expect(verdict.data.allowed_mentions).toEqual({ parse: [] });
    expect(outsideCode(verdict.data.content)).not.toMatch(/@everyone|@here|<@&?\d+>/);
    expect(verdict.data.content).toContain('```\n@everyone <@&1300000000000000555>\n```');
  });

  it('GIVEN a long answer THEN the message stays within 2,000 characters, and "Show more" sends the rest', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'long');
    const shown = await click(user, card, 'Show answer');
    expect(shown.data.content.length).toBeLessThanOrEqual(2_000);
    expect(shown.data.content).not.toContain('THE END');
    expect(buttonsOf(shown.data).map((b) => b.label)).toEqual(['Again', 'Hard', 'Good', 'Easy', 'Show more']);

    const from = world.fake.calls.length;
    const more = await click(user, shown, 'Show more');
    expect(more.type).toBe(RESPONSE.MESSAGE);
    expect(more.data.flags).toBe(EPHEMERAL);
    expect(more.data.content.length).toBeLessThanOrEqual(2_000);
    const isFollowUp = (call: RecordedCall) =>
      call.method === 'POST' && call.path.startsWith(`/webhooks/${APP_ID}/`);
    await world.fake.waitFor((call) => isFollowUp(call) && call.body.content.includes('THE END'), from);
    const rest = world.fake.calls.slice(from).filter(isFollowUp);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    for (const call of rest) {
      expect(call.body).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
      expect(call.body.content.length).toBeLessThanOrEqual(2_000);
    }
    const whole = [more.data.content, ...rest.map((call) => call.body.content)].join(' ');
    expect(whole.match(/Pods and nodes and services\./g)).toHaveLength(200);
  });

  it('GIVEN a typed answer holding a NUL byte THEN it is graded without it: a verdict, not an apology', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'typed');
    const modal = await click(user, card, 'Answer');
    const verdict = await send(
      modalSubmit(modal.data.custom_id, 'con\u0000tainer', sentMessage(card.data), { user }),
    );
    expect(verdict.data.content).toContain('✅ **Correct!**');
    expect(await storedReviews(user)).toBe(1);
  });

  it('GIVEN a typed answer of 5,000 characters THEN 2,000 of them are graded, stored and shown', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'typed');
    const modal = await click(user, card, 'Answer');
    const verdict = await send(
      modalSubmit(modal.data.custom_id, 'y'.repeat(5_000), sentMessage(card.data), { user }),
    );
    expect(verdict.data.content).toContain('❌');
    const [stored] = await world.db.db
      .select({ answer: reviews.answer })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(eq(users.externalId, user.id));
    expect(stored?.answer).toBe('y'.repeat(2_000));
  });

  it('GIVEN /quiz with a 60,000-character deck THEN it is refused by name at once', async () => {
    const reply = await quiz(world.newUser(), 'd'.repeat(60_000));
    expect(reply.data).toMatchObject({
      flags: EPHEMERAL,
      content: 'Deck id too long (max 64 characters). Nothing was done.',
    });
  });

  it('GIVEN autocomplete on a deck name with control characters and 60,000 characters THEN choices, not an error', async () => {
    const typed = autocomplete(
      'quiz',
      [{ name: 'deck', type: STRING, value: `ty\u0000pe${'x'.repeat(60_000)}`, focused: true }],
      {
        user: world.newUser(),
      },
    );
    const reply = await send(typed);
    expect(reply.type).toBe(RESPONSE.AUTOCOMPLETE);
    const plain = await send(
      autocomplete('quiz', [{ name: 'deck', type: STRING, value: 'ty\u0000pe', focused: true }], {
        user: world.newUser(),
      }),
    );
    expect(plain.data.choices).toEqual([{ name: expect.stringContaining('(typed)'), value: 'typed' }]);
  });

  it('GIVEN the same answer button clicked twice THEN the second click says so with the first verdict, and one review is stored', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'choice');
    const first = await click(user, card, '2. bridge');
    const second = await click(user, card, '1. host');
    expect(first.data.content).toContain('✅ **Correct!**');
    expect(second.type).toBe(RESPONSE.UPDATE);
    expect(second.data.content).toContain('↩️ **Already answered**: your first answer stands.');
    expect(second.data.content).toContain('**You picked:** bridge');
    expect(await storedReviews(user)).toBe(1);
  });

  it('GIVEN the same interaction delivered twice THEN it is handled once', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'choice');
    const clickOnce = buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user });
    const first = await send(clickOnce);
    const again = await send(clickOnce);
    expect(first.data.content).toContain('✅ **Correct!**');
    expect(again).toMatchObject({
      type: RESPONSE.MESSAGE,
      data: { flags: EPHEMERAL, content: 'This was already handled.' },
    });
    expect(await storedReviews(user)).toBe(1);
  });

  // Over HTTP each delivery has its own response; the gateway harness tells replies apart by token alone.
  it.runIf(mode === 'http')(
    'GIVEN an answer click delivered twice at once THEN one verdict, one "already handled", one review',
    async () => {
      const user = world.newUser();
      const card = await quiz(user, 'choice');
      const clickOnce = buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user });
      const replies = await Promise.all([send(clickOnce), send(clickOnce)]);
      const texts = replies.map((reply) => String(reply.data.content));
      expect(texts.filter((text) => text === 'This was already handled.')).toHaveLength(1);
      expect(texts.filter((text) => text.includes('✅ **Correct!**'))).toHaveLength(1);
      expect(await storedReviews(user)).toBe(1);
    },
  );

  // A card shown counts once by its prompt (no claim in inbound_events): a redelivery, even racing, shows none.
  it.runIf(mode === 'http')(
    'GIVEN a /quiz delivered twice at once, then again THEN one card, "already handled" twice, one prompt',
    async () => {
      const user = world.newUser();
      const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user });
      const replies = [...(await Promise.all([send(command), send(command)])), await send(command)];
      expect(alreadyHandled(replies)).toBe(2);
      expect(replies.filter((reply) => reply.data.content.includes('Which network driver'))).toHaveLength(1);
      expect(await storedPrompts(user)).toBe(1);
    },
  );

  it.runIf(mode === 'http')(
    'GIVEN a "Next card" click delivered twice at once THEN one card, one "already handled", one prompt more',
    async () => {
      const user = world.newUser();
      // Every deck: after this card, the next deck's first one.
      const card = await send(slashCommand('quiz', [], { user }));
      expect(card.data.content).toContain('Which network driver');
      const verdict = await send(
        buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user }),
      );
      const next = buttonClick(buttonId(verdict.data, 'Next card'), sentMessage(verdict.data), { user });
      expect(alreadyHandled(await Promise.all([send(next), send(next)]))).toBe(1);
      expect(await storedPrompts(user)).toBe(2);
    },
  );

  it('GIVEN an unknown command THEN a polite ephemeral answer', async () => {
    const reply = await send(slashCommand('frobnicate', [], { user: world.newUser() }));
    expect(reply.type).toBe(RESPONSE.MESSAGE);
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain('I do not know that command');
  });

  it('GIVEN a button this bot did not make THEN it says the button no longer works', async () => {
    const reply = await send(
      buttonClick('someone-else:42', sentMessage({ content: 'hi' }), { user: world.newUser() }),
    );
    expect(reply.data.content).toBe('This button no longer works. Use `/quiz` to go on.');
  });

  it("GIVEN someone clicks another member's card THEN it is refused and nothing is stored", async () => {
    const owner = world.newUser('owner');
    const other = world.newUser('other');
    const card = await quiz(owner, 'choice');
    const reply = await click(other, card, '2. bridge');
    expect(reply.type).toBe(RESPONSE.MESSAGE);
    expect(reply.data.content).toContain('That card was dealt to someone else');
    expect(await storedReviews(owner)).toBe(0);
    expect(await storedReviews(other)).toBe(0);
  });
});

describe('every message the bot sent', () => {
  it('GIVEN the tests above THEN each one carried allowed_mentions with nothing to parse', () => {
    const messages = world.fake.calls.filter(
      (call) =>
        call.body && (typeof call.body.content === 'string' || typeof call.body.data?.content === 'string'),
    );
    expect(messages.length).toBeGreaterThan(10);
    for (const call of messages) {
      expect(call.body.allowed_mentions ?? call.body.data?.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
