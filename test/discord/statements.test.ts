import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonId } from './support/client.ts';
import { buttonClick, sentMessage, slashCommand, type TestUser } from './support/payloads.ts';
import { type HttpBot, type ResponseJson, World } from './support/world.ts';

/**
 * How many statements the database gets per interaction on the paths every person uses (a round trip or
 * more each, and most of the database's CPU under load: README, HTTP interactions under load). Pinned, so
 * that a change that adds one is a decision, not an accident. BEGIN and COMMIT are left out: postgres.js
 * sends them with a transaction's first and last statement, and PGlite's are its own.
 */
const sent: string[] = [];
let world: World;
let bot: HttpBot;
let user: TestUser;

beforeAll(async () => {
  const cards = ['one', 'two', 'three'].map((id) => typedCard(id, id));
  world = await World.start([deckOf('counted', cards)], { observe: (text) => sent.push(text) });
  bot = await world.httpBot();
  user = world.newUser();
  // Every card answered once, a day ago: each has its state and is due again.
  let shown = await bot.send(slashCommand('quiz', [], { user }));
  for (const _ of cards) {
    const verdict = await click(shown, 'I don’t know');
    shown = await click(verdict, 'Next card');
  }
  world.clock.advance(86_400_000);
  // One more round today, so that what is kept (per person, server and deck, some for a day) is warm.
  await click(await click(await bot.send(slashCommand('quiz', [], { user })), 'I don’t know'), 'Next card');
});
afterAll(() => world.close());

function click(response: ResponseJson, label: string): Promise<ResponseJson> {
  return bot.send(buttonClick(buttonId(response.data, label), sentMessage(response.data), { user }));
}

/** The statements `run` made, once everything it started (the record that it was handled) is done. */
async function statementsOf(
  run: () => Promise<ResponseJson>,
): Promise<{ response: ResponseJson; count: number }> {
  await bot.adapter.stop();
  sent.length = 0;
  const response = await run();
  await bot.adapter.stop();
  return { response, count: sent.filter((text) => !/^\s*(begin|commit|rollback)\b/i.test(text)).length };
}

describe('statements per interaction, for a person already seen, with cards due', () => {
  let card: ResponseJson;
  let verdict: ResponseJson;

  it('GIVEN /quiz THEN 4: the claim, the person with the day’s counts, the card picked and its prompt stored, the claim completed', async () => {
    const quiz = await statementsOf(() => bot.send(slashCommand('quiz', [], { user })));
    card = quiz.response;
    expect(card.data.content).toContain('Question of');
    expect(quiz.count).toBe(2);
  });

  it('GIVEN a click on “I don’t know” THEN 3: the card state and the prompt locked, then the review stored', async () => {
    const answered = await statementsOf(() => click(card, 'I don’t know'));
    verdict = answered.response;
    expect(buttonId(verdict.data, 'Next card')).toBeTruthy();
    expect(answered.count).toBe(3);
  });

  it('GIVEN a click on “Next card” THEN 4, as /quiz', async () => {
    const next = await statementsOf(() => click(verdict, 'Next card'));
    expect(next.response.data.content).toContain('Question of');
    expect(next.count).toBe(2);
  });
});
