import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { importDeck } from '../../src/db/deck-import.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { autocomplete, GUILD, OTHER_GUILD, STRING, slashCommand, subcommand } from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

const OWNER = `discord:${GUILD}`;
const KANJI = ownedKey(OWNER, 'kanji');

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
  const deck = deckOf(
    'kanji',
    [typedCard('kanji-cat', 'cat', { question: 'What does 猫 mean?' })],
    'kanji.csv',
  );
  const outcome = await importDeck(
    world.db.db,
    [{ deck, notes: 1, media: [], missingMedia: [], skipped: [] }],
    { owner: OWNER, dryRun: false },
  );
  expect(outcome.ok).toBe(true);
  await new PgCommunityStore(world.db.db).setDeckHidden(`discord:${OTHER_GUILD}`, 'typed', true);
});
afterAll(() => world.close());

const deckList = async (guild: string) =>
  (await bot.send(slashCommand('deck', [subcommand('list', [])], { guild }))).data.content as string;

describe("a server's own decks", () => {
  it('GIVEN a deck imported for one server THEN /deck list shows it there and not in another server', async () => {
    expect(await deckList(GUILD)).toContain(`**Deck kanji** (\`${KANJI}\`): 1 card`);
    expect(await deckList(OTHER_GUILD)).not.toContain(KANJI);
  });

  it('GIVEN that deck typed in autocomplete or /quiz in another server THEN it does not exist there', async () => {
    const own = await bot.send(
      autocomplete('quiz', [{ name: 'deck', type: STRING, value: 'kanji', focused: true }], { guild: GUILD }),
    );
    expect(own.data.choices).toEqual([{ name: `Deck kanji (${KANJI})`, value: KANJI }]);
    const other = await bot.send(
      autocomplete('quiz', [{ name: 'deck', type: STRING, value: 'kanji', focused: true }], {
        guild: OTHER_GUILD,
      }),
    );
    expect(other.data.choices).toEqual([]);

    const quiz = (guild: string) =>
      bot.send(
        slashCommand('quiz', [{ name: 'deck', type: STRING, value: KANJI }], {
          user: world.newUser(),
          guild,
        }),
      );
    expect((await quiz(GUILD)).data.content).toContain('What does 猫 mean?');
    expect((await quiz(OTHER_GUILD)).data.content).not.toContain('猫');
  });

  it('GIVEN a bundled deck hidden in one server THEN it is gone from that server only', async () => {
    expect(await deckList(OTHER_GUILD)).not.toContain('`typed`');
    expect(await deckList(GUILD)).toContain('`typed`');
  });
});
