import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonIn, SlackHarness, textOf } from './support/harness.ts';

/**
 * How many statements the database gets per Slack interaction on the paths every person uses, as
 * test/discord/statements.test.ts pins them for Discord: a round trip or more each, and most of the database's
 * CPU under load (README, HTTP interactions under load). BEGIN and COMMIT are left out: postgres.js sends them
 * with a transaction's first and last statement, and PGlite's are its own.
 */
const sent: string[] = [];
let h: SlackHarness;
const ada = { user: 'U100', name: 'ada' };

beforeAll(async () => {
  const cards = ['one', 'two', 'three'].map((id) => typedCard(id, id));
  h = await SlackHarness.start({ decks: [deckOf('counted', cards)], observe: (text) => sent.push(text) });
  // Every card answered once, a day ago: each has its state and is due again.
  await h.command('quiz', ada);
  for (const _ of cards) {
    await click('mn:give-up');
    await click('mn:next');
  }
  h.clock.advance(86_400_000);
  // One more round today, so that what is kept (per person, workspace and deck, some for a day) is warm.
  await h.command('quiz', ada);
  await click('mn:give-up');
  await click('mn:next');
});
afterAll(() => h.close());

/** Clicks a button of the last message Ada was shown; its answer goes to a response_url of its own. */
async function click(actionId: string): Promise<void> {
  const shown = h.lastResponse(ada.user);
  await h.click({
    ...ada,
    actionId,
    value: buttonIn(shown, actionId).value,
    responseUrl: h.fake.responseUrl(ada.user),
  });
}

/** The statements `run` made, once the interaction's listener has finished. */
async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  sent.length = 0;
  await run();
  return sent.filter((text) => !/^\s*(begin|commit|rollback)\b/i.test(text)).length;
}

describe('Slack: statements per interaction, for a person already seen, with cards due', () => {
  it('GIVEN /mnemo quiz THEN 2: the person with the day’s counts and the card picked with its prompt stored', async () => {
    const count = await statementsOf(() => h.command('quiz', ada));
    expect(textOf(h.lastResponse(ada.user))).toContain('Question of');
    expect(count).toBe(2);
  });

  it('GIVEN a click on “I don’t know” THEN 3: the card state and the prompt locked, then the review stored', async () => {
    const count = await statementsOf(() => click('mn:give-up'));
    expect(buttonIn(h.lastResponse(ada.user), 'mn:next')).toBeTruthy();
    expect(count).toBe(3);
  });

  it('GIVEN a click on “Next card” THEN 2, as /mnemo quiz', async () => {
    const count = await statementsOf(() => click('mn:next'));
    expect(textOf(h.lastResponse(ada.user))).toContain('Question of');
    expect(count).toBe(2);
  });
});
