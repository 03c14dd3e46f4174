import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { importDeck } from '../../src/db/deck-import.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { SlackHarness, textOf } from './support/harness.ts';
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
});
