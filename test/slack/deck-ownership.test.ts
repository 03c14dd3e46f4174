import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { importDeck } from '../../src/db/deck-import.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

const imported = (id: string, question: string) => {
  const deck = deckOf(id, [typedCard(`${id}-1`, 'cat', { question })], `${id}.csv`);
  return [{ deck, notes: 1, media: [], missingMedia: [], skipped: [] }];
};

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
  for (const [owner, id, question] of [
    ['slack:T1', 'ours', 'What does 猫 mean?'],
    ['slack:T2', 'theirs', 'What does Katze mean?'],
  ] as const) {
    const outcome = await importDeck(h.db.db, imported(id, question), { owner, dryRun: false });
    expect(outcome.ok).toBe(true);
  }
  await new PgCommunityStore(h.db.db).setDeckHidden('slack:T1', 'self', true);
});
afterAll(() => h.close());

describe("a workspace's own decks over Slack", () => {
  it("GIVEN decks of two workspaces and a hidden bundled deck THEN /mnemo decks lists everyone's and this workspace's only", async () => {
    await h.command('decks', { user: 'U700' });
    const decks = textOf(h.lastResponse('U700'));
    expect(decks).toContain(ownedKey('slack:T1', 'ours'));
    expect(decks).not.toContain(ownedKey('slack:T2', 'theirs'));
    expect(decks).toContain('typed');
    expect(decks).not.toMatch(/`self`/);
  });

  it("GIVEN /mnemo quiz with another workspace's deck THEN there is no such deck here", async () => {
    await h.command(`quiz ${ownedKey('slack:T2', 'theirs')}`, { user: 'U701' });
    expect(textOf(h.lastResponse('U701'))).toContain('There is no deck');
    await h.command(`quiz ${ownedKey('slack:T1', 'ours')}`, { user: 'U702' });
    expect(textOf(h.lastResponse('U702'))).toContain('What does 猫 mean?');
  });

  it('GIVEN a review in a bundled deck this workspace hides THEN its App Home counts no review', async () => {
    const communities = new PgCommunityStore(h.db.db);
    await communities.setDeckHidden('slack:T1', 'self', false);
    await h.command('quiz self', { user: 'U703' });
    const question = h.lastResponse('U703');
    const card = h.fake.responseUrl('U703-card');
    await h.click({
      user: 'U703',
      actionId: 'mn:reveal',
      value: buttonIn(question, 'mn:reveal').value,
      responseUrl: card,
    });
    const revealed = h.lastResponse('U703-card');
    await h.click({
      user: 'U703',
      actionId: 'mn:rate:3',
      value: buttonIn(revealed, 'mn:rate:3').value,
      responseUrl: card,
    });
    await communities.setDeckHidden('slack:T1', 'self', true);

    await h.homeOpened('Ev0HIDDEN1', 'U703');
    const home = h.fake.callsTo('views.publish').find((call) => call.args.user_id === 'U703');
    expect(textOf(home?.args.view as Record<string, unknown>)).toContain(
      '*Retention (30 days):* no reviews yet',
    );
  });
});
